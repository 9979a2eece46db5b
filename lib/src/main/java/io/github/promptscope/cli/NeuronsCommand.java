package io.github.promptscope.cli;

import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "neurons", mixinStandardHelpOptions = true,
        subcommands = {NeuronsRecordCommand.class, NeuronsExplainCommand.class, NeuronsScoreCommand.class,
                NeuronsPuzzlesCommand.class, NeuronsPlantCommand.class, NeuronsCompareCommand.class,
                NeuronsEvaluateModelCommand.class},
        description = {"Neuron explanations (Bills et al. 2023, Lee et al. 2023): collect activation records,",
                "explain a neuron with an LM, score an explanation by simulating the neuron from it,",
                "plant neurons with known concepts."})
final class NeuronsCommand extends CommandGroup {

    /** "0-63", "5" or "1,3,10-12" as neuron indices, in the order given. */
    static int[] parseNeurons(String spec) {
        return IndexList.parse("--neurons", spec, "neuron index", "0-63");
    }
}
