package com.cloudtrailanalytics.geo;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads {@code sourceIPAddress} as an IP address, and only as one: CloudTrail also writes service
 * names ({@code ec2.amazonaws.com}) and {@code AWS Internal} there, which must never be resolved
 * through DNS.
 */
public final class IpAddresses {

  private IpAddresses() {}

  /**
   * The address written in {@code text}, or null when it is not an IP address literal. A forwarded
   * list ({@code "81.2.69.142, 192.168.10.10"}, as proxies write it) names the client first, so the
   * first address is taken.
   */
  public static InetAddress parse(String text) {
    if (text != null && text.indexOf(',') >= 0) {
      text = text.substring(0, text.indexOf(',')).strip();
    }
    if (text == null || !(isIpv4(text) || isIpv6(text))) {
      return null;
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /**
   * An address no one reaches from the internet: private (RFC 1918, IPv6 unique local), loopback,
   * link-local, carrier-grade NAT (100.64.0.0/10) or unspecified.
   */
  public static boolean isPrivate(InetAddress address) {
    byte[] bytes = address.getAddress();
    boolean carrierGradeNat =
        bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    return address.isSiteLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || carrierGradeNat
        || uniqueLocal;
  }

  /** Four dot-separated numbers of one to three digits, each at most 255. */
  private static boolean isIpv4(String text) {
    int parts = 0;
    int digits = 0;
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        if (++digits > 3 || value > 255) {
          return false;
        }
      } else if (c == '.' && digits > 0 && parts < 3) {
        parts++;
        digits = 0;
        value = 0;
      } else {
        return false;
      }
    }
    return parts == 3 && digits > 0;
  }

  /**
   * Only hexadecimal digits, colons and dots, with at least one colon: a literal that {@link
   * InetAddress#getByName} parses itself or rejects, never looks up.
   */
  private static boolean isIpv6(String text) {
    boolean colon = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ':') {
        colon = true;
      } else if (!(c == '.' || Character.digit(c, 16) >= 0 && c < 128)) {
        return false;
      }
    }
    return colon;
  }
}
