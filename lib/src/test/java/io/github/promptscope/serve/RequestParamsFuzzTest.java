package io.github.promptscope.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.util.FuzzContract;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzzes the request bodies of {@code /v1/completions} and {@code /v1/chat/completions}: JSON to
 * fields ({@link RequestFields#parse}) and the checks of each route ({@link RequestParams}), without a
 * server or a model. A rejected body is a 400 whose message names the parameter it blames.
 * Corpus: {@code RequestParamsFuzzTestInputs/readsRequestBodies/}.
 */
class RequestParamsFuzzTest {

    /** serve's default --max-tokens. */
    private static final int MAX_TOKENS = 256;

    @FuzzTest(maxDuration = "5m")
    void readsRequestBodies(byte[] body) {
        FuzzContract.namedErrorsOnly(() -> {
            badRequestNamingItsParameter(() -> RequestParams.completion(RequestFields.parse(body), MAX_TOKENS));
            badRequestNamingItsParameter(() -> RequestParams.chat(RequestFields.parse(body), MAX_TOKENS));
        }, "", List.of());
    }

    private static void badRequestNamingItsParameter(Runnable read) {
        try {
            read.run();
        } catch (ApiError e) {
            assertEquals(400, e.status, e.getMessage());
            assertTrue(e.param == null || e.getMessage().contains(e.param), e.param + " not in: " + e.getMessage());
        }
    }
}
