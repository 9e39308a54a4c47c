package com.cloudtrailanalytics.findings.detections;

import com.cloudtrailanalytics.findings.Signal;

/** The distance between two places on the earth, by the haversine formula. */
final class GreatCircle {

  static final double EARTH_RADIUS_KM = 6371.0088;

  private GreatCircle() {}

  static double km(Signal from, Signal to) {
    return km(from.latitude(), from.longitude(), to.latitude(), to.longitude());
  }

  static double km(double latitude1, double longitude1, double latitude2, double longitude2) {
    double phi1 = Math.toRadians(latitude1);
    double phi2 = Math.toRadians(latitude2);
    double halfDeltaPhi = (phi2 - phi1) / 2;
    double halfDeltaLambda = Math.toRadians(longitude2 - longitude1) / 2;
    double h =
        Math.sin(halfDeltaPhi) * Math.sin(halfDeltaPhi)
            + Math.cos(phi1)
                * Math.cos(phi2)
                * Math.sin(halfDeltaLambda)
                * Math.sin(halfDeltaLambda);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
