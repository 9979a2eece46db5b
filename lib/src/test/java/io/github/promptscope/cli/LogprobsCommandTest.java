package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LogprobsCommandTest {

    private static String fixture(String name) throws Exception {
        return Path.of(LogprobsCommandTest.class.getResource("/fixtures/" + name).toURI()).toString();
    }

    @Test
    void printsOneJsonObjectMatchingTheReference() throws Exception {
        JsonNode ref = new ObjectMapper().readTree(
                Path.of(LogprobsCommandTest.class.getResource("/fixtures/reference.json").toURI()).toFile());
        JsonNode text = ref.path("fixtures").get(0).path("texts").get(1);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.commandLine().execute("logprobs", "--model", fixture("gpt2-lmhead"), "--text", text.path("text").asText());
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        JsonNode out = new ObjectMapper().readTree(buf.toString(StandardCharsets.UTF_8));
        assertEquals(text.path("ids"), out.path("tokens"));
        assertEquals(out.path("tokens").size(), out.path("pieces").size());
        assertTrue(out.path("logprobs").get(0).isNull());
        for (int i = 1; i < out.path("tokens").size(); i++) {
            assertEquals(text.path("logprobs").get(i).asDouble(), out.path("logprobs").get(i).asDouble(), 1e-4);
        }
    }

    @Test
    void badModelFolderIsAClearError() {
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setErr(new PrintWriter(err)).execute("logprobs", "--model", "/no/such/dir", "--text", "x");
        assertEquals(1, code);
        assertTrue(err.toString().contains("/no/such/dir"), err.toString());
    }
}
