package io.github.promptscope.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * What a run is: everything that, when equal, makes two runs the same run.
 *
 * @param system        the research system, e.g. {@code iprompt}, {@code neurons}
 * @param method        the method within it, e.g. {@code iprompt}, {@code autoprompt}, {@code suffix}
 * @param dataset       task or dataset name
 * @param seed          the run's seed
 * @param model         model folder as given (not resolved, so moving a checkout keeps the id)
 * @param weightsSha256 hash of the weights ({@link FileHashes#sha256}), "" if no model is used
 * @param params        every other parameter, as a JSON object
 */
public record RunConfig(String system, String method, String dataset, long seed, String model, String weightsSha256,
                        JsonNode params) {

    public RunConfig {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(weightsSha256, "weightsSha256");
        params = params == null ? Json.MAPPER.createObjectNode() : params.deepCopy();
        if (!params.isObject()) {
            throw new IllegalArgumentException("params must be a JSON object, got " + params.getNodeType());
        }
    }

    /** Config with parameters from a map (values become JSON via Jackson). */
    public static RunConfig of(String system, String method, String dataset, long seed, String model,
                               String weightsSha256, Map<String, ?> params) {
        ObjectNode node = Json.MAPPER.valueToTree(params);
        return new RunConfig(system, method, dataset, seed, model, weightsSha256, node);
    }

    /**
     * Stable id: the first 16 hex digits of SHA-256 over the canonical JSON (keys sorted). A sweep
     * run again computes the same ids and can skip what exists.
     */
    public String id() {
        return Json.sha256(Json.canonical(this)).substring(0, 16);
    }

    @Override
    public JsonNode params() {
        return params.deepCopy(); // JsonNode is mutable; the record must not be
    }
}
