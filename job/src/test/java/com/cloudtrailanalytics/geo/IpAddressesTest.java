package com.cloudtrailanalytics.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  @ParameterizedTest
  @ValueSource(strings = {"81.2.69.142", "0.0.0.0", "255.255.255.255", "10.0.0.1"})
  void readsIpv4Addresses(String text) {
    assertThat(IpAddresses.parse(text)).isInstanceOf(Inet4Address.class);
    assertThat(IpAddresses.parse(text).getHostAddress()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:218::1", "::1", "fe80::1", "2001:db8:0:0:0:0:0:1"})
  void readsIpv6Addresses(String text) {
    assertThat(IpAddresses.parse(text)).isInstanceOf(Inet6Address.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"81.2.69.142, 192.168.10.10", "81.2.69.142,10.0.0.1", "81.2.69.142 , ::1"})
  void readsTheClientFirstInAForwardedList(String text) {
    assertThat(IpAddresses.parse(text).getHostAddress()).isEqualTo("81.2.69.142");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "AWS Internal",
        "ec2.amazonaws.com",
        "localhost",
        "256.1.1.1",
        "1.2.3",
        "1.2.3.4.5",
        "1..2.3",
        ".1.2.3",
        "1.2.3.",
        "1.2.3.1234",
        "81.2.69.142 ",
        "fe80::1%eth0",
        "not:an:address:at:all",
        "::g",
        ", 81.2.69.142",
        "AWS Internal, 81.2.69.142"
      })
  void isNullForAnythingThatIsNotAnAddressLiteral(String text) {
    assertThat(IpAddresses.parse(text)).isNull();
  }
}
