package org.lantern.server.filtering;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.filter.lists.ListSource;
import org.lantern.filter.lists.SourceReport;
import org.lantern.server.people.GroupMemberships;
import org.lantern.server.people.People;
import org.lantern.server.policy.PolicyService;
import org.springframework.beans.factory.ObjectProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** A list directory that cannot be read shows on the status the lists page gives, not only in a log. */
class CategoryListFailureTest {

    @TempDir
    Path data;

    @SuppressWarnings("unchecked")
    private FilterService filterReading(Path listDirectory) throws Exception {
        return new FilterService(mock(PolicyService.class), mock(People.class), mock(GroupMemberships.class),
                mock(LocalLists.class), mock(ObjectProvider.class), mock(ObjectProvider.class), listDirectory.toString(), "",
                Duration.ZERO, "", 8080);
    }

    @Test
    void aMissingListDirectoryIsReportedWithWhenAndWhyAndNoListsInForce() throws Exception {
        Path missing = data.resolve("ut1-not-unpacked");
        FilterService filter = filterReading(missing);

        filter.listsLoaded().handle((lists, failure) -> null).join();
        CategoryListStatus status = filter.categoryListStatus();

        assertThat(status.failedAt()).isNotNull();
        assertThat(status.failure()).contains("no such directory or file").contains("ut1-not-unpacked");
        assertThat(status.sources()).isEmpty();
        assertThat(status.inForceSince()).isNull();
        assertThat(status.directories()).containsExactly(missing);
        assertThat(status.failureNotice()).startsWith("The category lists could not be loaded at ")
                .contains("ut1-not-unpacked")
                .endsWith("No category lists are in force: only the local and illegal-content lists filter.");
    }

    @Test
    void aFailedReloadSaysTheListsLoadedBeforeStayInForce() {
        CategoryListStatus status = new CategoryListStatus(List.of(), List.of(new SourceReport(
                ListSource.fromDirectory(data), List.of())), Instant.parse("2026-11-24T08:00:00Z"), false,
                Instant.parse("2026-11-24T09:30:00Z"), "no such directory or file: /srv/lists/ut1");

        assertThat(status.failureNotice()).isEqualTo("The category lists could not be loaded at 24 Nov 2026 09:30: "
                + "no such directory or file: /srv/lists/ut1. The lists loaded before stay in force.");
    }

    @Test
    void aLoadThatDidNotFailHasNoNotice() {
        assertThat(new CategoryListStatus(List.of(), List.of(), Instant.now(), false, null, null).failureNotice()).isNull();
    }
}
