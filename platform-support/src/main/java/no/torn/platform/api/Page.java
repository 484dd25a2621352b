package no.torn.platform.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total so clients can page through everything. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> mapper) {
        List<T> items = query.page(io.quarkus.panache.common.Page.of(request.page, request.size)).list().stream()
                .map(mapper).toList();
        return new Page<>(items, request.page, request.size, query.count());
    }
}
