package dev.iafbt.store.object;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;

/**
 * A class loader over the AWS SDK's jars that keeps the SDK apart from the caller's class path:
 * {@code software.amazon.*} classes and resources come only from those jars (child-first, never the
 * parent's), and so do iafbt's own classes that refer to the SDK ({@link #SDK_BOUND}), whose bytes it
 * reads from the parent and defines itself so that they link against these jars. Everything else is
 * parent-first, so {@link ObjectStorage}, {@link S3Settings}, {@link ObjectStorageException} and the
 * logging API stay the caller's classes and the storage can be used through them.
 */
final class AwsSdkClassLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    /** iafbt's classes that refer to the SDK (by name: a class literal would load them in the parent). */
    static final List<String> SDK_BOUND = List.of(
            S3Runtime.class.getPackageName() + ".S3ObjectStorage",
            S3Runtime.class.getPackageName() + ".S3Failures");
    private static final String SDK_CLASSES = "software.amazon.";
    private static final String SDK_RESOURCES = "software/amazon/";
    private static final String SDK_SERVICES = "META-INF/services/software.amazon.";

    private final List<Path> jars;

    AwsSdkClassLoader(List<Path> jars, ClassLoader parent) {
        super("iafbt-aws-sdk", urls(jars), parent);
        this.jars = List.copyOf(jars);
    }

    private static URL[] urls(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a jar path: " + jars.get(i), e);
            }
        }
        return urls;
    }

    /** The jars this loader reads, for messages. */
    List<Path> jars() {
        return jars;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(SDK_CLASSES) && !isSdkBound(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = name.startsWith(SDK_CLASSES) ? findClass(name) : defineFromParent(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    static boolean isSdkBound(String name) {
        for (String bound : SDK_BOUND) {
            if (name.equals(bound) || name.startsWith(bound + "$")) {
                return true;
            }
        }
        return false;
    }

    /** Defines an SDK-bound iafbt class here from the bytes the parent holds (iafbt-lib's jar). */
    private Class<?> defineFromParent(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(name + " (no " + resource + " in iafbt-lib's class loader)");
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length, S3Runtime.class.getProtectionDomain());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from iafbt-lib's class loader", e);
        }
    }

    @Override
    public URL getResource(String name) {
        return isSdkResource(name) ? findResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return isSdkResource(name) ? findResources(name) : super.getResources(name);
    }

    /** The SDK's own files and its service registrations, which a parent's copy of the SDK must not shadow. */
    private static boolean isSdkResource(String name) {
        return name.startsWith(SDK_RESOURCES) || name.startsWith(SDK_SERVICES);
    }

    @Override
    public String toString() {
        return "AwsSdkClassLoader" + jars;
    }
}
