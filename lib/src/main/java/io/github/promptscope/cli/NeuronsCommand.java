package io.github.promptscope.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "neurons", mixinStandardHelpOptions = true,
        subcommands = {NeuronsRecordCommand.class, NeuronsExplainCommand.class, NeuronsScoreCommand.class,
                NeuronsPuzzlesCommand.class, NeuronsPlantCommand.class},
        description = {"Neuron explanations (Bills et al. 2023, Lee et al. 2023): collect activation records,",
                "explain a neuron with an LM, score an explanation by simulating the neuron from it,",
                "plant neurons with known concepts."})
final class NeuronsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    /** "0-63", "5" or "1,3,10-12" as neuron indices, in the order given. */
    static int[] parseNeurons(String spec) {
        List<Integer> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-', 1);
                if (dash < 0) {
                    out.add(Integer.parseInt(p));
                } else {
                    int from = Integer.parseInt(p.substring(0, dash));
                    int to = Integer.parseInt(p.substring(dash + 1));
                    if (to < from) {
                        throw new IllegalArgumentException("--neurons " + spec + ": range " + p + " runs backwards");
                    }
                    for (int n = from; n <= to; n++) {
                        out.add(n);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--neurons " + spec + ": \"" + p + "\" is not a neuron index or "
                        + "range like 0-63");
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
