package io.github.promptscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.TokenLogProbs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "logprobs", mixinStandardHelpOptions = true,
        description = "Print one JSON object: the tokens of TEXT, their pieces, and ln p(token i | tokens before i).")
final class LogprobsCommand implements Callable<Integer> {

    @Mixin
    ModelOption model;

    @Option(names = "--text", required = true, description = "Text to score; no special tokens are added.")
    String text;

    @Override
    public Integer call() throws Exception {
        try (LanguageModel lm = model.load()) {
            TokenLogProbs lp = lm.logProbs(text);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("tokens", lp.tokens());
            out.put("pieces", lp.pieces());
            out.put("logprobs", lp.logprobs());
            System.out.println(new ObjectMapper().writeValueAsString(out));
        }
        return 0;
    }
}
