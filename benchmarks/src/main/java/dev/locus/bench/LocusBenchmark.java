package dev.locus.bench;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run every Locus JMH benchmark makes unless told otherwise on the command line: benchmark
 * state, 3 warm-up and then 5 measured iterations of 2 s each, one fork, one thread (JMH takes these
 * annotations from the superclass). Each benchmark class extends it and states its own mode and unit.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public abstract class LocusBenchmark {}
