package io.pciledger.agent.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A flavor's {@code pci_passthrough:alias} extra spec: which aliases an instance of the flavor needs,
 * and how many devices of each. Written {@code name:count[,name:count...]}, e.g.
 * {@code QuickAssist:2, a100:1}; blanks around names and commas are allowed, the count is a
 * non-negative decimal number. The same alias may appear twice: each is a separate request, as in Nova.
 *
 * @param items the requests in the order written
 */
public record AliasExtraSpec(List<Item> items) {

    /** The extra spec's name in a flavor. */
    public static final String KEY = "pci_passthrough:alias";

    /** Nova's API validation of the value, applied to the whole text. */
    private static final Pattern FORMAT = Pattern.compile("[^:]+:\\d+(?:\\s*,\\s*[^:]+:\\d+)*");

    /** One {@code name:count}. */
    public record Item(String alias, int count) {
    }

    public AliasExtraSpec {
        items = List.copyOf(items);
    }

    /**
     * @throws AliasRequestException {@code invalid_format}, quoting the text and the expected form
     */
    public static AliasExtraSpec parse(final String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw invalidFormat(value);
        }
        final List<Item> items = new ArrayList<>();
        for (final String request : value.split(",", -1)) {
            final String[] nameAndCount = request.split(":", -1);
            if (nameAndCount.length != 2) {
                throw invalidFormat(value);
            }
            try {
                items.add(new Item(nameAndCount[0].strip(), Integer.parseInt(nameAndCount[1].strip())));
            } catch (final NumberFormatException tooLarge) {
                throw invalidFormat(value);
            }
        }
        return new AliasExtraSpec(items);
    }

    private static AliasRequestException invalidFormat(final String value) {
        return new AliasRequestException(AliasRequestException.Kind.INVALID_FORMAT,
                KEY + " '" + value + "' is not of the form name:count[,name:count...] such as \"QuickAssist:2\"");
    }
}
