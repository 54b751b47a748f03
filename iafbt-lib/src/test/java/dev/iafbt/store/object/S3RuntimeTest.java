package dev.iafbt.store.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.iafbt.testing.S3Server;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * {@link S3Runtime}: the store opened with the SDK from jars kept apart from the caller's class path
 * (as the Maven plugin does with the SDK it resolves), on the in-process S3 server, and the typed
 * error a caller without the SDK gets.
 */
class S3RuntimeTest {
    /** The SDK's s3 client and its runtime dependencies, as the Maven repository layout names their jars. */
    private static final List<String> SDK_RUNTIME = List.of("/software/amazon/awssdk/", "/org/apache/httpcomponents/",
            "/org/reactivestreams/", "/org/slf4j/slf4j-api/");

    /** The SDK's jars, found on this test's class path (iafbt-lib's optional dependency). */
    static List<Path> sdkJars() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace(File.separatorChar, '/');
            if (path.endsWith(".jar") && SDK_RUNTIME.stream().anyMatch(path::contains)) {
                jars.add(Path.of(entry));
            }
        }
        assertThat(jars).as("the SDK's jars on the test class path").isNotEmpty();
        return jars;
    }

    @Test
    void opensARealStoreThroughTheIsolatingLoaderEvenWhenTheCallerHasItsOwnSdk() throws Exception {
        S3Server server = S3Server.shared();
        try (ObjectStorage storage = S3Runtime.open(server.settings(server.newBucket()), sdkJars())) {
            ClassLoader isolated = storage.getClass().getClassLoader();
            assertThat(isolated).isInstanceOf(AwsSdkClassLoader.class);
            assertThat(storage.getClass().getName()).isEqualTo(S3ObjectStorage.class.getName());
            assertThat(storage.getClass()).isNotSameAs(S3ObjectStorage.class);
            assertThat(isolated.loadClass("software.amazon.awssdk.services.s3.S3Client").getClassLoader())
                    .as("the SDK comes from the given jars, never the caller's copy").isSameAs(isolated);
            assertThat(isolated.loadClass(S3Settings.class.getName())).as("the API stays the caller's")
                    .isSameAs(S3Settings.class);
            // Maven's plugin realm is the context loader during a goal: nothing of the SDK there
            withContextLoader(ClassLoader.getPlatformClassLoader(), () -> roundTrip(storage));
            assertThat(storage.counters().requests()).as("counted by the isolated copy").isGreaterThanOrEqualTo(5);
        }
    }

    private static Void roundTrip(ObjectStorage storage) {
        byte[] body = {1, 2, 3};
        storage.put("a/k", body);
        assertThat(storage.get("a/k")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        assertThat(storage.head("a/k")).hasValueSatisfying(info -> assertThat(info.size()).isEqualTo(3));
        List<String> listed = new ArrayList<>();
        storage.list("a/", info -> listed.add(info.key()));
        assertThat(listed).containsExactly("a/k");
        storage.delete("a/k");
        assertThat(storage.get("a/k")).isEmpty();
        return null;
    }

    @Test
    void aStoreThatCannotBeOpenedIsTheStoresOwnMessageThroughTheLoaderToo() {
        S3Server server = S3Server.shared();
        assertThatThrownBy(() -> S3Runtime.open(server.settings("no-such-bucket-isolated"), sdkJars()))
                .isExactlyInstanceOf(ObjectStorageException.class)
                .hasMessageContaining("bucket 'no-such-bucket-isolated' does not exist");
    }

    @Test
    void jarsWithoutTheSdkAreATypedErrorNamingTheArtifact() {
        Path notTheSdk = Path.of(S3Runtime.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        assertThatThrownBy(() -> S3Runtime.open(S3Settings.of(S3Location.parse("s3://team/x")), List.of(notTheSdk)))
                .isInstanceOf(AwsSdkMissingException.class)
                .hasMessageStartingWith("s3://team/x/: the AWS SDK jars given lack a class")
                .hasMessageContaining("software.amazon.awssdk:s3");
    }

    /**
     * A caller whose class path has iafbt-lib but no SDK (a project that did not add the optional
     * dependency; the Maven plugin's realm): settings and locations work, {@code open} is a typed error
     * naming the artifact, and the SDK's jars handed over open a working store.
     */
    @Test
    void withoutTheSdkOnTheClassPathOpenIsATypedErrorAndJarsOpenTheStore() throws Exception {
        URL libClasses = S3Runtime.class.getProtectionDomain().getCodeSource().getLocation();
        S3Server server = S3Server.shared();
        String bucket = server.newBucket();
        try (URLClassLoader withoutSdk = new URLClassLoader(new URL[] {libClasses}, ClassLoader.getPlatformClassLoader())) {
            Class<?> runtime = withoutSdk.loadClass(S3Runtime.class.getName());
            assertThat(call(runtime, null, "sdkOnClassPath")).isEqualTo(false);
            Object location = call(withoutSdk.loadClass(S3Location.class.getName()), null, "parse", "s3://" + bucket + "/st");
            Class<?> settingsType = withoutSdk.loadClass(S3Settings.class.getName());
            Object keys = withoutSdk.loadClass(S3Settings.Keys.class.getName()).getConstructors()[0]
                    .newInstance(S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
            Object settings = settingsType.getConstructors()[0].newInstance(location, server.endpoint(), "us-east-1",
                    true, keys);

            assertThatThrownBy(() -> call(runtime, null, "open", settings))
                    .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo(AwsSdkMissingException.class.getName()))
                    .hasMessage("s3://" + bucket + "/st/: opening an S3 store needs the AWS SDK, which is not on the"
                            + " class path; add the dependency software.amazon.awssdk:s3 (iafbt-lib declares it"
                            + " optional), or pass the SDK's jars to S3Runtime.open(settings, sdkJars)");

            Object storage = withContextLoader(withoutSdk, () -> call(runtime, null, "open", settings, sdkJars()));
            Class<?> api = withoutSdk.loadClass(ObjectStorage.class.getName());
            assertThat(storage).isInstanceOf(api);
            assertThat(storage.getClass().getClassLoader().getClass().getName()).isEqualTo(AwsSdkClassLoader.class.getName());
            withContextLoader(withoutSdk, () -> {
                call(api, storage, "put", "k", new byte[] {7});
                assertThat((Optional<?>) call(api, storage, "get", "k"))
                        .hasValueSatisfying(b -> assertThat((byte[]) b).containsExactly(7));
                return null;
            });
            call(api, storage, "close");
        }
    }

    /** Every class of iafbt-lib that refers to the SDK is one the isolating loader defines next to it. */
    @Test
    void onlyTheSdkBoundClassesReferToTheSdk() throws Exception {
        Path libClasses = Path.of(S3Runtime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // iafbt-lib's own classes only: resolving every dependency from the class path takes a minute
        JavaClasses classes = ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().importPath(libClasses);
        });
        TreeSet<String> referring = new TreeSet<>();
        classes.forEach(type -> type.getDirectDependenciesFromSelf().stream()
                .filter(d -> d.getTargetClass().getPackageName().startsWith("software.amazon."))
                .forEach(d -> referring.add(type.getName())));
        assertThat(referring).as("classes that refer to software.amazon.*").isNotEmpty()
                .allSatisfy(name -> assertThat(AwsSdkClassLoader.isSdkBound(name)).as(name).isTrue());
        assertThat(AwsSdkClassLoader.SDK_BOUND).allSatisfy(name -> assertThat(referring).contains(name));
    }

    private static Object call(Class<?> type, Object target, String name, Object... args) throws Exception {
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length).findFirst()
                .orElseThrow(() -> new AssertionError(type.getName() + " has no " + name + "/" + args.length));
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static <T> T withContextLoader(ClassLoader loader, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
