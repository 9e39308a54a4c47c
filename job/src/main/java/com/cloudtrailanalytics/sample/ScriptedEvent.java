package com.cloudtrailanalytics.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** An event the synthetic trail places at a fixed time, in the main account. */
record ScriptedEvent(Instant at, String region, ObjectNode record) {}
