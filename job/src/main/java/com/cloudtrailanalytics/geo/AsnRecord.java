package com.cloudtrailanalytics.geo;

import com.maxmind.db.MaxMindDbParameter;

/**
 * A GeoLite2/GeoIP2 ASN record, decoded once and then served from the reader's cache. Public only
 * because the reader constructs it reflectively.
 */
public record AsnRecord(
    @MaxMindDbParameter(name = "autonomous_system_number") Long number,
    @MaxMindDbParameter(name = "autonomous_system_organization") String organization) {}
