package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.IndexCredentials;
import dev.iafbt.model.Backtest;
import dev.iafbt.ohlcv.OhlcvStore;
import dev.iafbt.store.object.ObjectInfo;
import dev.iafbt.store.object.ObjectStorage;
import dev.iafbt.store.object.ObjectStorageException;
import dev.iafbt.store.object.S3ObjectStorage;
import dev.iafbt.store.object.TransferCounters;
import dev.iafbt.testing.S3Server;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/** Faults: throttling and 5xx retried by the SDK's standard mode; a write cut at any step finished by re-running it. */
class ObjectStoreFaultTest {
    @TempDir
    Path temp;

    /** Answers the first {@code failures} attempts of every PUT with a 503, as a throttled server does. */
    static final class Injected503 implements ExecutionInterceptor {
        final AtomicInteger attempts = new AtomicInteger();
        final int failures;

        Injected503(int failures) {
            this.failures = failures;
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            if (!"PUT".equals(context.httpRequest().method().name())) {
                return context.httpResponse();
            }
            if (attempts.incrementAndGet() <= failures) {
                return context.httpResponse().toBuilder().statusCode(503).statusText("Slow Down").build();
            }
            return context.httpResponse();
        }
    }

    @Test
    void throttlingAnd5xxAreRetriedWithBackoff() {
        S3Server server = S3Server.shared();
        Injected503 faults = new Injected503(2);
        try (S3ObjectStorage storage = S3ObjectStorage.open(server.settings(server.newBucket()),
                List.of(faults))) {
            storage.put("k", new byte[] {1, 2, 3});
            assertThat(faults.attempts.get()).as("two 503s, then success").isEqualTo(3);
            assertThat(storage.get("k")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        }
    }

    @Test
    void aServerThatKeepsFailingIsOneClearMessageAfterTheRetries() {
        S3Server server = S3Server.shared();
        Injected503 faults = new Injected503(Integer.MAX_VALUE);
        try (S3ObjectStorage storage = S3ObjectStorage.open(server.settings(server.newBucket()),
                List.of(faults))) {
            assertThatThrownBy(() -> storage.put("k", new byte[] {1}))
                    .isInstanceOf(ObjectStorageException.class)
                    .hasMessageStartingWith(storage.uri("k") + " at " + server.endpoint() + ": PUT failed: HTTP 503");
            assertThat(faults.attempts.get()).as("the standard mode's three attempts").isEqualTo(3);
        }
    }

    /** Fails the n-th change (PUT or DELETE) it is asked for, as a crash or a cut connection there would. */
    static final class FailingAt implements ObjectStorage {
        private final ObjectStorage inner;
        private final int failAt;
        private int changes;

        FailingAt(ObjectStorage inner, int failAt) {
            this.inner = inner;
            this.failAt = failAt;
        }

        private void change() {
            if (++changes == failAt) {
                throw new ObjectStorageException("injected failure at change " + failAt);
            }
        }

        int changes() {
            return changes;
        }

        @Override
        public String root() {
            return inner.root();
        }

        @Override
        public boolean putIfAbsent(String key, byte[] body, String sha256Hex) {
            change();
            return inner.putIfAbsent(key, body, sha256Hex);
        }

        @Override
        public void put(String key, byte[] body) {
            change();
            inner.put(key, body);
        }

        @Override
        public Optional<byte[]> get(String key) {
            return inner.get(key);
        }

        @Override
        public Optional<byte[]> getRange(String key, long from, int length) {
            return inner.getRange(key, from, length);
        }

        @Override
        public Optional<ObjectInfo> head(String key) {
            return inner.head(key);
        }

        @Override
        public void list(String prefix, Consumer<ObjectInfo> each) {
            inner.list(prefix, each);
        }

        @Override
        public void delete(String key) {
            change();
            inner.delete(key);
        }

        @Override
        public void deleteAll(Collection<String> keys) {
            change();
            inner.deleteAll(keys);
        }

        @Override
        public TransferCounters counters() {
            return inner.counters();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void aWriteCutAtAnyStepLeavesNoHandleThatReadsWrongAndRerunningFinishesIt() {
        S3Server server = S3Server.shared();
        OhlcvStore staging = new OhlcvStore(temp.resolve("staging"));
        Backtest backtest = StoreFixtures.withOhlcv("a", staging, 100);
        Backtest older = StoreFixtures.withOhlcv("a-old", staging, 300);
        int steps = 0;
        for (int failAt = 1; ; failAt++) {
            String bucket = server.newBucket();
            String tier1 = temp.resolve("tier1-" + failAt + ".sqlite").toString();
            try (ObjectTieredStore plain = new ObjectTieredStore(S3ObjectStorage.open(server.settings(bucket)), tier1,
                    IndexCredentials.NONE)) {
                plain.write(older, "h", staging.dir()); // a handle being replaced, the harder case
            }
            FailingAt failing = new FailingAt(S3ObjectStorage.open(server.settings(bucket)), failAt);
            boolean failed;
            try (ObjectTieredStore cut = new ObjectTieredStore(failing, tier1, IndexCredentials.NONE)) {
                try {
                    cut.write(backtest, "h", staging.dir());
                    failed = false;
                } catch (StoreException e) {
                    failed = true;
                }
            }
            try (ObjectTieredStore store = new ObjectTieredStore(S3ObjectStorage.open(server.settings(bucket)), tier1,
                    IndexCredentials.NONE)) {
                Backtest read = store.open("h", false);
                assertThat(read.algorithmId()).as("cut at change %d", failAt).isIn("a", "a-old");
                assertThat(store.ohlcv("h").get("BTC/EUR:1h").rowCount()).as("its chunk is there").isEqualTo(4);
                store.write(backtest, "h", staging.dir());
                assertThat(store.open("h", false).algorithmId()).isEqualTo("a");
                assertThat(store.indexRows()).singleElement().satisfies(row ->
                        assertThat(row.algorithmId()).isEqualTo("a"));
                assertThat(store.ohlcv("h").get("BTC/EUR:1h").rowCount()).isEqualTo(4);
            }
            if (!failed) {
                break; // failAt is past the write's last change: every step has been cut once
            }
            steps++;
        }
        assertThat(steps).as("changes a write makes: lease, chunk, 3 Tier-2, bundle, lease removal").isGreaterThanOrEqualTo(6);
    }
}
