package dev.locus.compliance.redflags;

import java.util.Locale;
import java.util.Map;

/**
 * Power per chip by model, in kW including the chip's share of its server, read from the bundled
 * {@code chip-power.csv}. A model it does not list is assumed to draw {@link #DEFAULT_KW} (an
 * H100's share), and evidence says so. Immutable, thread-safe.
 */
public final class ChipPower {
    /** kW per chip of an 8-GPU H100 server (~10 kW / 8). */
    public static final double DEFAULT_KW = 1.25;

    private final Map<String, Double> kwByModel;

    private ChipPower(Map<String, Double> kwByModel) {
        this.kwByModel = kwByModel;
    }

    public static ChipPower bundled() {
        return new ChipPower(CsvResource.map(
                "chip-power.csv",
                row -> row[0].strip().toUpperCase(Locale.ROOT),
                row -> Double.parseDouble(row[1].strip())));
    }

    /** kW per chip of {@code model} (case-insensitive; a listed model's name may be a prefix, e.g. "H100 SXM"). */
    public double kwPerChip(String model) {
        return listedModel(model).map(kwByModel::get).orElse(DEFAULT_KW);
    }

    /** Whether the model is listed (otherwise {@link #kwPerChip} is the default). */
    public boolean isListed(String model) {
        return listedModel(model).isPresent();
    }

    private java.util.Optional<String> listedModel(String model) {
        String m = model.strip().toUpperCase(Locale.ROOT);
        if (kwByModel.containsKey(m)) {
            return java.util.Optional.of(m);
        }
        String first = m.split("[\\s-]", 2)[0];
        return kwByModel.containsKey(first) ? java.util.Optional.of(first) : java.util.Optional.empty();
    }
}
