package dev.iafbt.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryFieldTest {

    @Test
    void hasTheFiftyFiveFieldsInToDictOrder() {
        assertThat(SummaryField.values()).hasSize(55);
        assertThat(SummaryField.values()[0].key()).isEqualTo("total_net_gain");
        assertThat(SummaryField.values()[6].key()).isEqualTo("average_loss"); // #7 in to_dict order
        assertThat(SummaryField.values()[43].key()).isEqualTo("var_95"); // #44
        assertThat(SummaryField.values()[54].key()).isEqualTo("stability_score");
    }

    @Test
    void declarationOrderIsAPermutationThatDiffersInTheTwoDocumentedPlaces() {
        List<SummaryField> declared = SummaryField.declarationOrder();
        assertThat(declared).containsExactlyInAnyOrder(SummaryField.values());
        assertThat(declared.subList(6, 12)).extracting(SummaryField::key).containsExactly(
                "average_net_gain", "average_net_gain_percentage", "average_growth",
                "average_growth_percentage", "average_loss", "average_loss_percentage");
        assertThat(declared.subList(40, 45)).extracting(SummaryField::key).containsExactly(
                "var_95", "cvar_95", "average_trade_duration", "average_win_duration",
                "average_loss_duration");
    }

    @Test
    void eightFieldsAreIntegers() {
        assertThat(Arrays.stream(SummaryField.values()).filter(SummaryField::isInteger))
                .extracting(SummaryField::key).containsExactlyInAnyOrder("max_drawdown_duration",
                        "number_of_trades", "number_of_trades_closed", "number_of_windows",
                        "number_of_profitable_windows", "number_of_windows_with_trades",
                        "max_consecutive_wins", "max_consecutive_losses");
    }

    @Test
    void looksUpByKeyOrColumn() {
        assertThat(SummaryField.byKey("sharpe_ratio")).contains(SummaryField.SHARPE_RATIO);
        assertThat(SummaryField.byKey("summary_sharpe_ratio")).contains(SummaryField.SHARPE_RATIO);
        assertThat(SummaryField.SHARPE_RATIO.column()).isEqualTo("summary_sharpe_ratio");
        assertThat(SummaryField.byKey("percentage_positive_trades")).isEmpty();
        assertThat(SummaryField.byKey(null)).isEmpty();
    }

    @Test
    void everyFieldDescribesItsUnit() {
        assertThat(SummaryField.values()).allSatisfy(f -> assertThat(f.unit()).isNotBlank());
        assertThat(SummaryField.WIN_RATE.unit()).isEqualTo("0..1 decimal");
        assertThat(SummaryField.AVERAGE_TRADE_DURATION.unit()).isEqualTo("hours");
        assertThat(SummaryField.MAX_DRAWDOWN_DURATION.unit()).isEqualTo("days");
    }
}
