import java.nio.file.*

/**
 * The report's ranking rows, each a list of its cells' HTML. A row is one line:
 * <tr data-k="sort keys"><td>rank<td>value<td>id<td>bundle<td>tag<td>parameters<td>metrics…</tr>
 * (cell end tags are left out, as HTML allows).
 */
class RankingRows {
    static List<List<String>> of(Path report) {
        String html = report.toFile().getText("UTF-8")
        return (html =~ /(?m)^<tr data-k="[0-9a-z]+">(.*)<\/tr>$/).collect { it[1].split(/<td(?: [^>]*)?>/).drop(1).toList() }
    }
}
