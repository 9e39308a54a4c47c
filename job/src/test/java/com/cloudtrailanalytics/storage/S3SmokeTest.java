package com.cloudtrailanalytics.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.run.FileSystemSetup;
import com.cloudtrailanalytics.testing.S3Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3SmokeTest {
  @TempDir Path dir;

  @Test
  void listsAndReadsThroughTheS3Plugin() throws Exception {
    try (S3Server s3 = S3Server.start(dir.resolve("s3"))) {
      Path bucket = s3.bucket("trail");
      Path local = Files.createDirectories(dir.resolve("local/AWSLogs/123"));
      Files.writeString(local.resolve("a.json"), "{}");
      s3.upload(dir.resolve("local"), "trail");
      FileSystemSetup.initialize(s3.clientConfig());
      org.apache.flink.core.fs.Path root =
          new org.apache.flink.core.fs.Path("s3://trail/AWSLogs/123");
      long listsBefore = s3.requests("list");
      s3.throttleNext("list", 2);
      FileStatus[] files = root.getFileSystem().listStatus(root);
      assertThat(files).hasSize(1);
      assertThat(s3.requests("list") - listsBefore)
          .as("answered LISTs after two throttled ones")
          .isEqualTo(1);
      try (var in = root.getFileSystem().open(files[0].getPath())) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{}");
      }
      org.apache.flink.core.fs.Path out = new org.apache.flink.core.fs.Path("s3://trail/out/x.txt");
      try (var stream = out.getFileSystem().create(out, FileSystem.WriteMode.OVERWRITE)) {
        stream.write("hello".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(Files.readString(bucket.resolve("out/x.txt"))).isEqualTo("hello");
    }
  }

  @Test
  void aThrottledRequestIsAnswered503AndCountedAsServed() throws Exception {
    try (S3Server s3 = S3Server.start(dir.resolve("s3"))) {
      s3.bucket("trail");
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest list =
          HttpRequest.newBuilder(URI.create(s3.endpoint() + "/trail?list-type=2")).build();
      s3.throttleNext("list", 1);

      assertThat(http.send(list, BodyHandlers.discarding()).statusCode()).isEqualTo(503);
      assertThat(http.send(list, BodyHandlers.discarding()).statusCode()).isEqualTo(200);
      assertThat(s3.throttled("list")).isEqualTo(1);
      assertThat(s3.requests("list")).isEqualTo(1);
    }
  }
}
