package dev.locus.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.Slice;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the house (docs/architecture.md, ADR 0013), checked over the main classes
 * of every module. A failure names the class and the dependency that breaks the rule.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.locus");

    private static final String SERVER = "dev.locus.server";
    private static final String HTTP = SERVER + ".api..";
    /** The dashboard's HTTP adapter: its route group and static files, beside its views. */
    private static final String[] DASHBOARD_HTTP = {SERVER + ".dashboard.Dashboard", SERVER + ".dashboard.StaticAssets"
    };

    private static final String ENTRY_POINT = SERVER + ".ControlPlane";

    @Test
    void theImport_seesEveryModulesMainClasses() {
        // guards the rules below: a rule over no classes passes
        for (String pkg : List.of(
                "dev.locus.geo",
                "dev.locus.protocol",
                "dev.locus.landmark",
                "dev.locus.agent",
                "dev.locus.server",
                "dev.locus.demo",
                "dev.locus.cli")) {
            assertThat(MAIN.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
                    .as(pkg)
                    .isTrue();
        }
        assertThat(MAIN.contain(ENTRY_POINT)).isTrue();
        assertThat(MAIN.stream()
                        .map(ArchitectureTest::moduleOf)
                        .flatMap(java.util.Optional::stream)
                        .collect(java.util.stream.Collectors.toSet()))
                .as("classes are told apart by module")
                .contains("locus-geo", "locus-control", "locus-server", "locus-compliance", "locus-cli");
        assertThat(MAIN.contain(ArchitectureTest.class))
                .as("test classes are left out")
                .isFalse();
    }

    @Test
    void modules_haveNoCycles() {
        // by module (where a class was loaded from), not by package: the control plane's core and
        // HTTP modules share the dev.locus.server package names
        slices().assignedFrom(MODULES).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void topLevelPackages_outsideTheControlPlane_haveNoCycles() {
        slices().matching("dev.locus.(*)..")
                .that(DescribedPredicate.describe(
                        "are not the control plane or its compliance slot",
                        (Slice slice) -> !Set.of("server", "compliance").contains(slice.getNamePart(1))))
                .should()
                .beFreeOfCycles()
                .check(MAIN);
    }

    /** A class's Maven module, from the folder or jar it was loaded from. */
    private static final Pattern MODULE = Pattern.compile("/(locus-[a-z]+|benchmarks)(/target/|-\\d)");

    private static java.util.Optional<String> moduleOf(JavaClass c) {
        Matcher m =
                MODULE.matcher(c.getSource().map(src -> src.getUri().toString()).orElse(""));
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private static final SliceAssignment MODULES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            return moduleOf(c).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
        }

        @Override
        public String getDescription() {
            return "Maven modules";
        }
    };

    @Test
    void serverPackages_haveNoCycles() {
        slices().matching("dev.locus.server.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void onlyTheAlertsPackage_raisesAlerts() {
        noClasses()
                .that()
                .resideOutsideOfPackage(SERVER + ".alerts..")
                .should()
                .callMethodWhere(calling(SERVER + ".alerts.AlertService", "raise"))
                .because("every alert rule is one class in the alerts package, fed by events")
                .check(MAIN);
    }

    @Test
    void nothingImportsTheHttpLayer_butTheServersEntryPoint() {
        noClasses()
                .that()
                .resideOutsideOfPackage(HTTP)
                .and()
                .doNotHaveFullyQualifiedName(ENTRY_POINT)
                .and()
                .doNotHaveFullyQualifiedName(DASHBOARD_HTTP[0])
                .and()
                .doNotHaveFullyQualifiedName(DASHBOARD_HTTP[1])
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(HTTP, "io.javalin..")
                .check(MAIN);
    }

    @Test
    void nothingInTheServer_importsTheControlPlane() {
        noClasses()
                .that()
                .resideInAPackage(SERVER + "..")
                .and()
                .doNotHaveFullyQualifiedName(ENTRY_POINT)
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ENTRY_POINT)
                .because("the control plane is lifecycle and wiring only, not a service locator")
                .check(MAIN);
    }

    @Test
    void agentAndLandmark_neverImportEachOther() {
        noClasses()
                .that()
                .resideInAPackage("dev.locus.agent..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.locus.landmark..")
                .check(MAIN);
        noClasses()
                .that()
                .resideInAPackage("dev.locus.landmark..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.locus.agent..")
                .check(MAIN);
    }

    @Test
    void theGeoCore_dependsOnNoOtherLocusModule() {
        noClasses()
                .that()
                .resideInAPackage("dev.locus.geo..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.locus..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("dev.locus.geo..")))
                .check(MAIN);
    }

    private static DescribedPredicate<JavaCall<?>> calling(String owner, String method) {
        return DescribedPredicate.describe(
                owner + "." + method + "(..)",
                call -> call.getTargetOwner().getName().equals(owner)
                        && call.getName().equals(method));
    }
}
