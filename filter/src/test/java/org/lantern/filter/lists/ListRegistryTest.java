package org.lantern.filter.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class ListRegistryTest {

    /** Runs submitted work only when told, so tests control when a background load finishes. */
    private static final class ManualExecutor implements Executor {
        private final List<Runnable> queued = new ArrayList<>();

        @Override
        public void execute(Runnable command) {
            queued.add(command);
        }

        void runAll() {
            queued.forEach(Runnable::run);
            queued.clear();
        }
    }

    @Test
    void startsWithAnEmptySnapshot() {
        assertThat(new ListRegistry().current().matcher().domains().size()).isZero();
    }

    @Test
    void readersKeepTheOldSnapshotUntilTheLoadCompletes() {
        CategoryLists old = CategoryLists.empty();
        ListRegistry registry = new ListRegistry(old);
        ManualExecutor executor = new ManualExecutor();
        registry.reloadAsync(CategoryLists::empty, executor);

        assertThat(registry.current()).isSameAs(old);
    }

    @Test
    void completedLoadIsSwappedIn() {
        ListRegistry registry = new ListRegistry();
        CategoryLists next = CategoryLists.empty();
        ManualExecutor executor = new ManualExecutor();
        CompletableFuture<CategoryLists> done = registry.reloadAsync(() -> next, executor);
        executor.runAll();

        assertThat(registry.current()).isSameAs(next);
        assertThat(done).isCompletedWithValue(next);
    }

    @Test
    void failedLoadLeavesTheOldSnapshotInForce() {
        CategoryLists old = CategoryLists.empty();
        ListRegistry registry = new ListRegistry(old);
        ManualExecutor executor = new ManualExecutor();
        CompletableFuture<CategoryLists> done =
                registry.reloadAsync(
                        () -> {
                            throw new IOException("disk gone");
                        },
                        executor);
        executor.runAll();

        assertThat(registry.current()).isSameAs(old);
        assertThat(done).isCompletedExceptionally();
    }

    @Test
    void replaceReturnsThePreviousSnapshot() {
        CategoryLists old = CategoryLists.empty();
        ListRegistry registry = new ListRegistry(old);
        assertThat(registry.replace(CategoryLists.empty())).isSameAs(old);
    }
}
