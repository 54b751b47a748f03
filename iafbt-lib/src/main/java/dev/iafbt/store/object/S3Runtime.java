package dev.iafbt.store.object;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens an {@code s3://} store whether or not the AWS SDK is on the caller's class path. iafbt-lib
 * declares {@code software.amazon.awssdk:s3} optional, so that tools which never meet {@code s3://}
 * (the Maven plugin's goals on folders, a project reading local bundles) neither resolve nor load
 * it. Two ways in:
 * <ul>
 *   <li>{@link #open(S3Settings)}: the SDK is on the class path (a project that declared the
 *   dependency); without it, an {@link AwsSdkMissingException} naming the artifact to add.</li>
 *   <li>{@link #open(S3Settings, List)}: the SDK's jars (its {@code s3} artifact with its runtime
 *   dependencies), resolved by the caller at the moment it needs them, as the Maven plugin does. The
 *   storage is opened through an isolating class loader over them and used through
 *   {@link ObjectStorage}, so the SDK never meets the caller's own classes.</li>
 * </ul>
 * Nothing in this class refers to the SDK, so it loads without it.
 */
public final class S3Runtime {
    /** The artifact {@link S3ObjectStorage} needs, as Maven coordinates without a version. */
    public static final String SDK_ARTIFACT = "software.amazon.awssdk:s3";
    /** A class of that artifact: present exactly when the SDK's s3 client can be loaded. */
    private static final String SDK_PROBE = "software.amazon.awssdk.services.s3.S3Client";
    private static final String STORAGE = S3Runtime.class.getPackageName() + ".S3ObjectStorage";

    /**
     * One loader per set of jars for the JVM's life: a build resolves one set, and every goal of it
     * then shares the SDK's loaded classes instead of loading them again.
     */
    private static final Map<List<Path>, AwsSdkClassLoader> LOADERS = new ConcurrentHashMap<>();

    private S3Runtime() {
    }

    /** Whether the SDK's s3 client can be loaded by the class loader that loaded iafbt-lib. */
    public static boolean sdkOnClassPath() {
        try {
            Class.forName(SDK_PROBE, false, S3Runtime.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * {@link S3ObjectStorage#open(S3Settings)} when the SDK is on the class path.
     *
     * @throws AwsSdkMissingException naming the store and {@value #SDK_ARTIFACT} when it is not
     */
    public static ObjectStorage open(S3Settings settings) {
        if (!sdkOnClassPath()) {
            throw new AwsSdkMissingException(settings.location() + ": opening an S3 store needs the AWS SDK, which"
                    + " is not on the class path; add the dependency " + SDK_ARTIFACT + " (iafbt-lib declares it"
                    + " optional), or pass the SDK's jars to S3Runtime.open(settings, sdkJars)", null);
        }
        return S3ObjectStorage.open(settings);
    }

    /**
     * Opens the store with the SDK from {@code sdkJars} ({@value #SDK_ARTIFACT} and its runtime
     * dependencies), kept apart from the caller's class path; an empty list means the class path's
     * SDK ({@link #open(S3Settings)}). The returned storage's class is iafbt's own, defined next to
     * those jars; use it as an {@link ObjectStorage}.
     *
     * @throws AwsSdkMissingException when the jars lack the SDK or a class it needs
     * @throws ObjectStorageException when the store cannot be opened (as {@link S3ObjectStorage#open})
     */
    public static ObjectStorage open(S3Settings settings, List<Path> sdkJars) {
        if (sdkJars.isEmpty()) {
            return open(settings);
        }
        List<Path> jars = sdkJars.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        AwsSdkClassLoader loader = LOADERS.computeIfAbsent(jars,
                key -> new AwsSdkClassLoader(key, S3Runtime.class.getClassLoader()));
        // the SDK looks its HTTP client up through its own classes' loader (this one), not the thread's
        // context loader, so a caller's context loader without the SDK (Maven's plugin realm) is fine
        try {
            loader.loadClass(SDK_PROBE);
            Method open = loader.loadClass(STORAGE).getMethod("open", S3Settings.class);
            return (ObjectStorage) open.invoke(null, settings);
        } catch (InvocationTargetException e) {
            throw rethrown(settings, loader, e.getCause());
        } catch (ClassNotFoundException | LinkageError e) {
            throw missing(settings, loader, e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("iafbt-lib's " + STORAGE + ".open(S3Settings) cannot be called: " + e, e);
        }
    }

    /** What {@code open} threw, as itself (an ObjectStorageException names the store), a missing class as such. */
    private static RuntimeException rethrown(S3Settings settings, AwsSdkClassLoader loader, Throwable cause) {
        if (cause instanceof LinkageError linkage) {
            return missing(settings, loader, linkage);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new ObjectStorageException(settings.location() + ": cannot open the store: " + cause, cause);
    }

    private static AwsSdkMissingException missing(S3Settings settings, AwsSdkClassLoader loader, Throwable e) {
        return new AwsSdkMissingException(settings.location() + ": the AWS SDK jars given lack a class the S3 client"
                + " needs (" + e.getMessage() + "); pass " + SDK_ARTIFACT + " with all its runtime dependencies"
                + " (given: " + loader.jars().size() + " jar(s), first " + loader.jars().get(0) + ")", e);
    }
}
