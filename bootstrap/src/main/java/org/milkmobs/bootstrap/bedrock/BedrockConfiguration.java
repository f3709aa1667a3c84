package org.milkmobs.bootstrap.bedrock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Optional;
import org.milkmobs.adapters.aws.bedrock.BedrockSettings;
import org.milkmobs.bootstrap.config.ChatModelsSetting;
import org.milkmobs.bootstrap.config.Settings;
import org.milkmobs.domain.usage.PriceTable;
import org.milkmobs.domain.usage.PricedUnit;

/** Reads the {@code bedrock.*} configuration: where Bedrock is, which models, how to poll, and the prices. */
@ApplicationScoped
public class BedrockConfiguration {

    @Inject
    Settings settings;

    /**
     * @param s3StoreRegion the blob store's region when it is AWS S3 itself (not an S3-compatible store at an
     *                      endpoint Bedrock cannot reach)
     */
    public BedrockSettings settings(Optional<String> s3StoreRegion, Optional<String> s3StoreBucket) {
        String region = settings.text("bedrock.region");
        boolean storeIsAwsS3InRegion = s3StoreRegion.filter(region::equals).isPresent()
                && settings.optionalText("storage.s3.endpoint").isEmpty();
        return new BedrockSettings(region,
                settings.optionalText("bedrock.endpoint").map(URI::create),
                settings.optionalText("bedrock.s3-endpoint").map(URI::create),
                settings.flag("bedrock.s3-path-style"),
                settings.text("bedrock.marengo.invoke-model"),
                settings.text("bedrock.marengo.model"),
                settings.text("bedrock.pegasus.model"),
                settings.optionalText("bedrock.output-uri").orElseThrow(() -> new IllegalStateException(
                        "analyzer=bedrock needs bedrock.output-uri (s3://bucket/prefix in " + region + ") for Marengo's results")),
                settings.optionalText("bedrock.bucket-owner"),
                storeIsAwsS3InRegion ? s3StoreBucket : Optional.empty(),
                settings.optionalText("bedrock.staging-bucket"),
                settings.number("bedrock.inline-limit-bytes"),
                settings.integer("bedrock.marengo.segment-seconds"),
                settings.duration("bedrock.poll-interval"),
                settings.integer("bedrock.pegasus.max-output-tokens"),
                settings.duration("bedrock.call-timeout"),
                settings.duration("search.audio.wait"));
    }

    /** Prices per unit for the configured models (Marengo under both its invoke and async ids). */
    public PriceTable prices() {
        PriceTable prices = PriceTable.empty();
        for (String marengo : new String[] {settings.text("bedrock.marengo.model"), settings.text("bedrock.marengo.invoke-model")}) {
            prices = prices.with(marengo, PricedUnit.MEDIA_SECOND, price("bedrock.price.marengo.media-second"))
                    .with(marengo, PricedUnit.INPUT_TOKEN, price("bedrock.price.marengo.input-token"))
                    .with(marengo, PricedUnit.IMAGE, price("bedrock.price.marengo.image"));
        }
        // the gateway's text models (gateway.chat.models), one price for all of them
        for (String chat : ChatModelsSetting.read(settings).values()) {
            prices = prices.with(chat, PricedUnit.INPUT_TOKEN, price("gateway.chat.price.input-token"))
                    .with(chat, PricedUnit.OUTPUT_TOKEN, price("gateway.chat.price.output-token"));
        }
        String pegasus = settings.text("bedrock.pegasus.model");
        return prices.with(pegasus, PricedUnit.MEDIA_SECOND, price("bedrock.price.pegasus.media-second"))
                .with(pegasus, PricedUnit.INPUT_TOKEN, price("bedrock.price.pegasus.input-token"))
                .with(pegasus, PricedUnit.OUTPUT_TOKEN, price("bedrock.price.pegasus.output-token"));
    }

    private BigDecimal price(String key) {
        try {
            return new BigDecimal(settings.text(key));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("configuration " + key + " must be a price in dollars, got '" + settings.text(key) + "'");
        }
    }
}
