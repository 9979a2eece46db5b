package io.github.promptscope.cli;

import io.github.promptscope.lm.Engines;
import picocli.CommandLine;

/** {@code --version}: the kit's version and the engine it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"PromptScope " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
    }
}
