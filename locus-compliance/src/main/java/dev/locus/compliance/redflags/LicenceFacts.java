package dev.locus.compliance.redflags;

import java.util.Locale;

/**
 * An export licence as the rules see it.
 *
 * @param endUserIsCloudOperator whether the named end user is a cloud operator (whose ordinary
 *     tenants the licence then covers)
 * @param conditions the licence's conditions in words; two phrases are read: {@value
 *     #NO_THIRD_PARTY_ACCESS} (only the end user may use the chips) and {@value #NO_D5_TENANTS}
 *     (no tenant headquartered in Country Group D:5 or Macau)
 */
public record LicenceFacts(
        String id, String endUserId, boolean endUserIsCloudOperator, String siteId, String conditions) {
    public static final String NO_THIRD_PARTY_ACCESS = "no third-party access";
    public static final String NO_D5_TENANTS = "no d:5 tenants";

    /** Whether only the named end user may use the chips. */
    public boolean exclusiveToEndUser() {
        return !endUserIsCloudOperator || lower().contains(NO_THIRD_PARTY_ACCESS);
    }

    /** Whether tenants headquartered in D:5 or Macau are excluded. */
    public boolean excludesD5Tenants() {
        return lower().contains(NO_D5_TENANTS);
    }

    private String lower() {
        return conditions.toLowerCase(Locale.ROOT);
    }
}
