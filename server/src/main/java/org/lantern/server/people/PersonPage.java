package org.lantern.server.people;

import java.util.List;

/** One page of a directory search, with what the pager needs. */
public record PersonPage(List<Person> people, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
