package io.github.promptscope.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * {@code %maven group:artifact[:extension[:classifier]]:version}: resolves an artifact and its runtime
 * dependencies from Maven Central with Maven Resolver, through the local repository
 * ({@code ~/.m2/repository}, or {@code maven.repo.local}), so what was fetched once resolves offline.
 */
public final class MavenDependencies {

    public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final RepositorySystem system = new RepositorySystemSupplier().get();
    private final Path localRepository;
    private final List<RemoteRepository> remotes = new ArrayList<>();

    public MavenDependencies() {
        this(Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString())));
    }

    public MavenDependencies(Path localRepository) {
        this.localRepository = localRepository;
        remotes.add(new RemoteRepository.Builder("central", "default", CENTRAL).build());
    }

    /** Jars of the artifacts and their runtime dependencies, in resolution order. */
    public List<Path> resolve(List<String> coordinates) throws MagicException {
        if (coordinates.isEmpty()) {
            throw new MagicException("%maven needs coordinates, e.g. %maven org.apache.commons:commons-text:1.12.0");
        }
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
        session.setConfigProperty("aether.connector.connectTimeout", 10_000);
        session.setConfigProperty("aether.connector.requestTimeout", 30_000);
        CollectRequest collect = new CollectRequest();
        for (String c : coordinates) {
            DefaultArtifact artifact;
            try {
                artifact = new DefaultArtifact(c);
            } catch (IllegalArgumentException e) {
                throw new MagicException("%maven " + c + ": not Maven coordinates; expected group:artifact:version"
                        + " (or group:artifact:extension[:classifier]:version)");
            }
            collect.addDependency(new Dependency(artifact, JavaScopes.RUNTIME));
        }
        collect.setRepositories(remotes);
        try {
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult r : system.resolveDependencies(session,
                    new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME))).getArtifactResults()) {
                if (r.getArtifact() != null && r.getArtifact().getFile() != null) {
                    jars.add(r.getArtifact().getFile().toPath());
                }
            }
            return jars;
        } catch (DependencyResolutionException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new MagicException("%maven " + String.join(" ", coordinates) + ": cannot resolve from Maven Central ("
                    + CENTRAL + ") or the local repository " + localRepository + ": " + e.getMessage()
                    + (root != e ? " (" + root + ")" : "")
                    + ". If this machine is offline, put the jars in a folder and use %classpath folder/*.jar.");
        }
    }
}
