package org.milkmobs.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.domain.InvalidValueException;

class PriceTableTest {

    private final PriceTable prices = PriceTable.empty()
            .with("marengo", PricedUnit.MEDIA_SECOND, new BigDecimal("0.0007"))
            .with("pegasus", PricedUnit.MEDIA_SECOND, new BigDecimal("0.00049"))
            .with("pegasus", PricedUnit.OUTPUT_TOKEN, new BigDecimal("0.0000075"));

    @Test
    void costsAddUpEveryPricedUnitOfTheModel() {
        assertThat(prices.cost("marengo", Map.of(PricedUnit.MEDIA_SECOND, 30.5))).isEqualByComparingTo("0.02135");
        assertThat(prices.cost("pegasus", Map.of(PricedUnit.MEDIA_SECOND, 10.0, PricedUnit.OUTPUT_TOKEN, 200.0)))
                .isEqualByComparingTo("0.0064");
    }

    @Test
    void unpricedUnitsAndModelsCostNothingAndNegativePricesAreRefused() {
        assertThat(prices.cost("marengo", Map.of(PricedUnit.IMAGE, 3.0))).isEqualByComparingTo("0");
        assertThat(prices.cost("local-perceptual-v1", Map.of(PricedUnit.MEDIA_SECOND, 60.0))).isEqualByComparingTo("0");
        assertThatThrownBy(() -> prices.with("marengo", PricedUnit.IMAGE, new BigDecimal("-1")))
                .isInstanceOf(InvalidValueException.class);
    }
}
