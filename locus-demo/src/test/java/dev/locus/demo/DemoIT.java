package dev.locus.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole demo on one machine with real UDP landmarks, real signatures, the real control plane on
 * the embedded database and emulated links: the diverted chips raise their alerts, the honest chips
 * verify, and a second run on the same directory starts clean.
 */
class DemoIT {

    @TempDir
    Path dir;

    /** Median lateness of the worst emulated link below which the honest chips must be proven in their cities. */
    private static final long FAITHFUL_LINK_NANOS = 1_000_000;

    @Test
    void divertedChipsRaiseAlerts_honestChipsVerify_andASecondRunStartsClean() throws Exception {
        Path data = dir.resolve("demo");
        // Alert periods of 30 s, twice the demo's 15 s: a first cycle measures 13 landmarks five rounds
        // each, and with both cores busy an honest chip's first proven verdict took longer than 15 s,
        // which made it UNVERIFIED (the rule working on a starved machine, not the demo failing).
        DemoRunner.Options fast =
                new DemoRunner.Options(data, 0, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(30));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (DemoRunner demo = DemoRunner.start(fast, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            demo.printIntro();
            // the Singapore buyer: 60 % owned through two holdings by a firm on the SDN list
            Optional<JsonNode> owned = demo.buyerOwnershipHit();
            for (Instant by = Instant.now().plusSeconds(60);
                    owned.isEmpty() && Instant.now().isBefore(by); ) {
                Thread.sleep(100);
                owned = demo.buyerOwnershipHit();
            }
            assertThat(owned).as(log.toString(StandardCharsets.UTF_8)).isPresent();
            assertThat(owned.get().path("score").asDouble()).isEqualTo(0.6);
            assertThat(owned.get()
                            .path("explanation")
                            .path("paths")
                            .path(0)
                            .path("parties")
                            .findValuesAsText("id"))
                    .containsExactlyElementsOf(DemoParties.PATH);
            assertThat(owned.get().path("explanation").path("listed_owners").findValuesAsText("designations"))
                    .containsExactly("OFAC-SDN/23063");
            assertThat(log.toString(StandardCharsets.UTF_8))
                    .contains("Lion Gate Compute Pte. Ltd. is owned by a listed firm");
            assertThat(Files.readString(demo.adminTokenFile()).strip()).isEqualTo(demo.adminToken());
            // the token the CLI finds by default is readable by this user only
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(demo.adminTokenFile())))
                    .isEqualTo("rw-------");
            // Alerts of the rules that read time (silence, no proof) come whatever the machine; those
            // that rest on a proof by round trips (a chip outside its zone, a copied key, a landmark
            // at a false position) need links that deliver on time.
            Set<String> timeBased = Set.of("UNVERIFIED H200-SG-0102", "SILENT H100-KL-0201");
            Set<String> proven =
                    Set.of("OUTSIDE_ZONE H200-SG-0101", "CLONED_IDENTITY H100-SG-0301", "SUSPECT_LANDMARK lm-sydney");
            Set<String> seen = new HashSet<>();
            // alerts after 30 s of silence or of no proof: an honest chip on a machine so loaded that
            // its first proven verdict takes longer than 15 s (seen with both cores busy) would be
            // UNVERIFIED, which is the rule working, not the demo failing; wait for the alerts, not a time
            Instant deadline = Instant.now().plusSeconds(120);
            while (!(seen.containsAll(timeBased) && seen.containsAll(proven))
                    && Instant.now().isBefore(deadline)) {
                demo.runCycle();
                for (JsonNode a : demo.openAlerts()) {
                    seen.add(
                            a.path("rule").asText() + " " + a.path("subject_id").asText());
                }
            }
            // Liveness needs faithful links: with cores to spare the emulated links deliver within
            // a fraction of a millisecond of their model (0.27 ms median on the worst link of a quiet
            // 2-core machine) and every proof comes. On a machine so busy that half the packets of the
            // worst link came 1 ms late or more (100 km of fibre each way, more than a city-sized zone
            // allows), proofs may never come, and SILENT or UNVERIFIED is the rules working; the test
            // then checks that nothing false was said (soundness) and that the time-based rules fired.
            long lateness = demo.worstLinkOvershootNanos(50);
            boolean faithful = lateness < FAITHFUL_LINK_NANOS;
            System.out.printf(
                    "DemoIT: worst emulated link's median lateness %d us: %s%n",
                    lateness / 1000, faithful ? "every proof must come" : "starved machine, soundness checked only");
            assertThat(seen).as(log.toString(StandardCharsets.UTF_8)).containsAll(timeBased);
            if (faithful) {
                assertThat(seen).as(log.toString(StandardCharsets.UTF_8)).containsAll(proven);
            }
            List<String> honestChips =
                    List.of("H100-SG-0001", "H100-SG-0002", "H100-KL-0001", "H100-JK-0001", "H100-BK-0001");
            // Soundness, whatever the machine: no honest chip is ever accused of being elsewhere,
            // moved, copied or contradictory (delay only ever widens a chip's region).
            assertThat(seen)
                    .noneMatch(s -> honestChips.stream().anyMatch(s::endsWith)
                            && !s.startsWith("SILENT ")
                            && !s.startsWith("UNVERIFIED "));
            // SILENT and UNVERIFIED read time: an honest chip whose first proof came later than the
            // policy allows (cycles slowed by a busy machine, links faithful or not) is rightly
            // alerted; its proof is asserted below. Those rules have their own tests (AlertRulesTest).
            if (faithful) {
                // At F = 1 an honest chip is IN_ZONE once both operators in its city have a tight
                // minimum round trip in the window, and the chip rebuilt in Hong Kong OUTSIDE_ZONE once
                // both Hong Kong operators have: wait for the minima (the condition), not for a time.
                // While the first peer round trips arrive, an isolated contradicting pair names both
                // of its landmarks; once the mesh has measured, only the one at a false position stays
                // suspect (the rule resolves the other's alert).
                Instant provenBy = Instant.now().plusSeconds(90);
                while (!(honestChips.stream()
                                        .allMatch(c -> String.valueOf(
                                                        demo.latestVerdicts().get(c))
                                                .contains("IN_ZONE"))
                                && String.valueOf(demo.latestVerdicts().get("H200-SG-0101"))
                                        .contains("OUTSIDE_ZONE")
                                && openSuspects(demo).equals(List.of("SUSPECT_LANDMARK lm-sydney")))
                        && Instant.now().isBefore(provenBy)) {
                    demo.runCycle();
                }
                assertThat(openSuspects(demo))
                        .as("only the landmark registered at a false position is implicated")
                        .containsExactly("SUSPECT_LANDMARK lm-sydney");
            }
            Map<String, String> latest = demo.latestVerdicts();
            for (String honest : honestChips) {
                assertThat(latest.get(honest)).as(honest).doesNotContain("OUTSIDE_ZONE", "IN_RESTRICTED");
                if (faithful) {
                    assertThat(latest.get(honest))
                            .as(honest)
                            .contains("IN_ZONE")
                            .contains("EXCLUDES_RESTRICTED");
                }
            }
            assertThat(latest.get("H200-SG-0101")).doesNotContain("IN_ZONE");
            if (faithful) {
                assertThat(latest.get("H200-SG-0101")).contains("OUTSIDE_ZONE");
            }
            assertThat(latest.get("H200-SG-0102")).doesNotContain("IN_ZONE");
            assertCommercialStory(demo, faithful);
        }
        try (DemoRunner again =
                DemoRunner.start(fast, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(again.openAlerts()).isEmpty();
            again.runFor(Duration.ofSeconds(1));
        }
    }

    /** The commercial story's red flags and cases are there; the honest customers raise nothing. */
    private static void assertCommercialStory(DemoRunner demo, boolean faithful) throws InterruptedException {
        // An honest chip proven only after its first red-flag evaluation (a loaded machine) is flagged
        // UNPROVEN_LOCATION until the next evaluation of its subject clears the finding: wait for
        // that evaluation (the condition), bounded, not for a time.
        Predicate<String> honestCustomer = s -> s.endsWith(" apac-cloud")
                || s.endsWith(" straits-bio")
                || s.endsWith(" sg-dc1")
                || s.endsWith(" kl-dc1")
                || (s.endsWith(" H100-SG-0001") || s.endsWith(" H100-KL-0001"))
                        // an honest chip left unproven by starved links is flagged unproven, rightly
                        && (faithful || !s.startsWith("UNPROVEN_LOCATION "));
        Set<String> open = openFindings(demo);
        Instant clearedBy = Instant.now().plusSeconds(60);
        while (open.stream().anyMatch(honestCustomer) && Instant.now().isBefore(clearedBy)) {
            demo.runCycle();
            open = openFindings(demo);
        }
        assertThat(open)
                .contains(
                        "COUNTRY_MISMATCH " + DemoParties.BUYER,
                        "SHIP_TO_FORWARDER_OR_RESIDENCE " + DemoParties.BUYER,
                        "FIRST_TIME_BUYER_LARGE_VOLUME " + DemoParties.BUYER,
                        "BUYER_FORMED_AFTER_CONTROLS " + DemoParties.BUYER,
                        "SITE_LACKS_CAPACITY lion-gate-dc",
                        "IAAS_D5_TENANT_TRAINING kunlun-ai",
                        "VOLUME_ANOMALY_COUNTRY SG");
        if (faithful) {
            // rests on the verdict that proves the rebuilt chip outside its zone
            assertThat(open).contains("AWAY_FROM_LICENSED_LOCATION H200-SG-0101");
        }
        assertThat(open).as("honest customers raise nothing").noneMatch(honestCustomer);
        Set<String> cases = new HashSet<>();
        demo.redFlags("/api/v1/cases?limit=100")
                .path("items")
                .forEach(c -> cases.add(c.path("subject_id").asText()));
        assertThat(cases).contains(DemoParties.BUYER, "kunlun-ai").doesNotContain("apac-cloud", "straits-bio");
        if (faithful) {
            assertThat(cases).contains("H200-SG-0101");
        }
    }

    private static Set<String> openFindings(DemoRunner demo) throws InterruptedException {
        Set<String> open = new HashSet<>();
        demo.redFlags("/api/v1/findings?status=OPEN&limit=1000")
                .path("items")
                .forEach(f -> open.add(
                        f.path("rule").asText() + " " + f.path("subject_id").asText()));
        return open;
    }

    private static List<String> openSuspects(DemoRunner demo) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode a : demo.openAlerts()) {
            if (a.path("rule").asText().equals("SUSPECT_LANDMARK")) {
                out.add("SUSPECT_LANDMARK " + a.path("subject_id").asText());
            }
        }
        return out;
    }

    @Test
    void aDirectoryWithOtherFiles_isNeverWiped() throws Exception {
        Path precious = dir.resolve("precious");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("thesis.txt"), "do not delete");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DemoRunner.prepareDataDir(precious))
                .isInstanceOf(DemoException.class)
                .hasMessageContaining("refusing");
        assertThat(precious.resolve("thesis.txt")).exists();
    }
}
