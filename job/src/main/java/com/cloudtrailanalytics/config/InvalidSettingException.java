package com.cloudtrailanalytics.config;

/** A setting that stops the job from starting; the message names the setting, value and fix. */
public final class InvalidSettingException extends RuntimeException {

  public InvalidSettingException(String message) {
    super(message);
  }

  public InvalidSettingException(String message, Throwable cause) {
    super(message, cause);
  }
}
