package io.github.promptscope.cli;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.neurons.ActivationCollector;
import io.github.promptscope.neurons.CollectorConfig;
import io.github.promptscope.neurons.Concept;
import io.github.promptscope.neurons.NeuronCorpus;
import io.github.promptscope.neurons.PlantedNeuron;
import io.github.promptscope.neurons.PlantedNeurons;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plant", mixinStandardHelpOptions = true,
        description = {"Write neurons that fire on known concepts into a copy of a model (ground truth for explainers",
                "and simulators). Each is appended to layer L's MLP with zero output weights, so the copy's outputs",
                "equal the original's (checked and printed); OUT/planted.json lists the neurons."})
final class NeuronsPlantCommand implements Callable<Integer> {

    @Mixin
    ModelOption model;

    @Option(names = "--layer", defaultValue = "0", description = "Layer whose MLP gets the neurons (default ${DEFAULT-VALUE}).")
    int layer;

    @Option(names = "--concept", split = ",", defaultValue = "numbers,colours,countries,plurals,punctuation",
            description = "Concepts, one neuron each (default: the first five). Known: numbers, colours, countries, plurals, punctuation, animals, number-words, currencies, capitals, french, german, spanish, positive, negative, foods, family, household, nature, arithmetic, body, vehicles.")
    List<String> concepts;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder the planted copy is written to.")
    Path out;

    @Option(names = "--text", paramLabel = "FILE", split = ",",
            description = "Text files to fit the neurons on (each file one document); default: the generated corpus.")
    List<Path> texts;

    @Option(names = "--documents", defaultValue = "2000",
            description = "Documents of the generated corpus to fit on (default ${DEFAULT-VALUE}).")
    int documents;

    @Override
    public Integer call() throws Exception {
        List<Concept> parsed = concepts.stream().map(Concept::parse).toList();
        try (LanguageModel lm = model.load()) {
            List<String> docs = texts == null ? NeuronCorpus.generated(documents) : NeuronCorpus.files(texts);
            String label = texts == null ? "generated corpus, " + documents + " documents" : texts.size() + " text files";
            PlantedNeurons planting = PlantedNeurons.in(lm).corpus(docs, label);
            for (Concept c : parsed) {
                planting.plant(layer, c);
            }
            List<PlantedNeuron> planted = planting.saveTo(out);
            planted.forEach(System.out::println);
            List<long[]> windows = new ActivationCollector(lm, CollectorConfig.defaults()).windows(docs);
            try (LanguageModel copy = LanguageModel.load(out)) {
                double diff = PlantedNeurons.maxLogProbDifference(lm, copy, windows.subList(0, Math.min(3, windows.size())));
                System.out.printf(Locale.ROOT, "copy written to %s; next-token log-probabilities differ from the original's"
                        + " by at most %.2g over %d excerpts%n", out, diff, Math.min(3, windows.size()));
            }
        }
        return 0;
    }
}
