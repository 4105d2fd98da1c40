package dev.locus.server.api;

import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks {@code GET /health} again and again on a background thread while a test attacks the server:
 * it counts the 200 answers and adds every other answer or error to the test's list of problems.
 */
final class HealthProbe {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong answers = new AtomicLong();
    private final Thread thread;

    private HealthProbe(int port, String token, Queue<String> problems) {
        ApiClient client = new ApiClient(port);
        thread = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                try {
                    ApiClient.Response r = client.get("/health", Optional.of(token));
                    if (r.status() == 200) {
                        answers.incrementAndGet();
                    } else {
                        problems.add("/health " + r.status() + ": " + r.text());
                    }
                } catch (RuntimeException e) {
                    problems.add("/health " + e);
                }
            }
        });
    }

    /** Starts asking the server on {@code port} with {@code token}; {@code problems} must be thread-safe. */
    static HealthProbe start(int port, String token, Queue<String> problems) {
        return new HealthProbe(port, token, problems);
    }

    /** How many times /health answered 200 so far. */
    long answers() {
        return answers.get();
    }

    /** Stops asking and waits for the last request to finish. */
    void stop() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
