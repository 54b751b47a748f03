package dev.iafbt.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A lazy, ordered stream over a JDBC result set that closes it when the stream is closed. */
final class ResultSetSpliterator<T> extends Spliterators.AbstractSpliterator<T> {

    @FunctionalInterface
    interface RowFunction<T> {
        T apply(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Closer {
        void close() throws SQLException;
    }

    private final ResultSet rs;
    private final RowFunction<T> mapper;
    private final Function<SQLException, RuntimeException> failure;

    private ResultSetSpliterator(ResultSet rs, RowFunction<T> mapper,
            Function<SQLException, RuntimeException> failure) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.rs = rs;
        this.mapper = mapper;
        this.failure = failure;
    }

    static <T> Stream<T> stream(ResultSet rs, RowFunction<T> mapper, Closer closer,
            Function<SQLException, RuntimeException> failure) {
        return StreamSupport.stream(new ResultSetSpliterator<>(rs, mapper, failure), false)
                .onClose(() -> {
                    try {
                        closer.close();
                    } catch (SQLException e) {
                        throw failure.apply(e);
                    }
                });
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        try {
            if (!rs.next()) {
                return false;
            }
            action.accept(mapper.apply(rs));
            return true;
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }
}
