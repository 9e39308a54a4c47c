package com.cloudtrailanalytics.event;

/**
 * Why a listed entry is not read as a log file, and what it is, for a person reading the rejects
 * table.
 */
public record FileSkip(RejectReason reason, String detail) {}
