package io.github.promptscope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-way flow of ARCHITECTURE.md, checked on the compiled classes: data → lm → backend →
 * search / neurons / functions / ptuning → metrics → results → plots, with explain, experiments,
 * serve, kernel and cli on top, util under everything, and DJL only inside lm.
 */
class ArchitectureTest {

    private static final String ROOT = "io.github.promptscope";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    private static String pkg(String name) {
        return ROOT + "." + name + "..";
    }

    @Test
    void layersOnlyImportDownward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .optionalLayer("util").definedBy(pkg("util"))
                .optionalLayer("data").definedBy(pkg("data"))
                .optionalLayer("lm").definedBy(pkg("lm"))
                .optionalLayer("backend").definedBy(pkg("backend"))
                .optionalLayer("systems").definedBy(pkg("search"), pkg("neurons"), pkg("functions"), pkg("ptuning"))
                .optionalLayer("metrics").definedBy(pkg("metrics"))
                .optionalLayer("results").definedBy(pkg("results"))
                .optionalLayer("plots").definedBy(pkg("plots"))
                .optionalLayer("top").definedBy(pkg("explain"), pkg("experiments"), pkg("serve"), pkg("kernel"), pkg("cli"))
                .whereLayer("top").mayNotBeAccessedByAnyLayer()
                .whereLayer("plots").mayOnlyBeAccessedByLayers("top")
                .whereLayer("results").mayOnlyBeAccessedByLayers("plots", "top")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("results", "plots", "top")
                .whereLayer("systems").mayOnlyBeAccessedByLayers("metrics", "results", "plots", "top")
                .whereLayer("backend").mayOnlyBeAccessedByLayers("systems", "metrics", "results", "plots", "top")
                .whereLayer("lm").mayOnlyBeAccessedByLayers("backend", "systems", "metrics", "results", "plots", "top")
                .whereLayer("data").mayOnlyBeAccessedByLayers("lm", "backend", "systems", "metrics", "results", "plots", "top")
                .check(classes);
    }

    @Test
    void theFourSystemsDoNotReachIntoEachOther() {
        slices().matching(ROOT + ".(search|neurons|functions|ptuning)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void lmSubpackagesDoNotDependOnTheRuntimeExceptTraining() {
        // checkpoint reading and tokenizers are leaves of lm: the runtime builds on them, not the reverse
        noClasses().that().resideInAnyPackage(ROOT + ".lm.checkpoint..", ROOT + ".lm.tokenizer..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".lm", ROOT + ".lm.train..")
                .check(classes);
    }

    @Test
    void djlStaysInsideLm() {
        noClasses().that().resideOutsideOfPackage(pkg("lm"))
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .because("DJL types stay inside lm; everything else sees Java arrays and records")
                .check(classes);
    }
}
