package com.cloudtrailanalytics.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * s3proxy as its own process, the S3 server of the cluster: SigV4 with one key pair (anonymous and
 * wrong keys get 403), each bucket a folder under {@code root}.
 */
final class S3ProxyProcess implements AutoCloseable {

  static final String ACCESS_KEY = "cluster-test";
  static final String SECRET_KEY = "cluster-test-secret";
  static final String REGION = "us-east-1";

  private final Process process;
  private final int port;
  private final Path root;

  private S3ProxyProcess(Process process, int port, Path root) {
    this.process = process;
    this.port = port;
    this.root = root;
  }

  /** Starts the server with these (empty) buckets. */
  static S3ProxyProcess start(Path workDir, int port, List<String> buckets) throws Exception {
    Path jar =
        Path.of(System.getProperty("s3proxy.jar", "../flink-dist/target/s3proxy/s3proxy.jar"));
    Path root = Files.createDirectories(workDir.resolve("buckets"));
    for (String bucket : buckets) {
      Files.createDirectories(root.resolve(bucket));
    }
    Path properties = workDir.resolve("s3proxy.properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            "s3proxy.ignore-unknown-headers=true",
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + root,
            ""));
    Process process =
        new ProcessBuilder(
                FlinkCluster.java(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--properties",
                properties.toString())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("s3proxy.log").toFile())
            .start();
    S3ProxyProcess server = new S3ProxyProcess(process, port, root);
    server.awaitListening(Duration.ofSeconds(60));
    return server;
  }

  private void awaitListening(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("s3proxy ended at start");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("s3proxy did not listen within " + timeout);
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** The folder that holds a bucket's objects, to read what the job wrote. */
  Path bucketFolder(String bucket) {
    return root.resolve(bucket);
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
