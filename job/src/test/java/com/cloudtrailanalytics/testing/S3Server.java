package com.cloudtrailanalytics.testing;

import com.cloudtrailanalytics.config.JobOptions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.http.HttpResponse;
import org.jclouds.http.HttpResponseException;

/**
 * A real S3-protocol server on loopback for tests: s3proxy over a local folder, in which each
 * bucket is a subfolder. Tests upload trails through its blob store (so that objects get their
 * ETags, which S3 clients check) and read what the job wrote straight from the results bucket's
 * folder, while the job itself only speaks S3.
 */
public final class S3Server implements AutoCloseable {

  private final Path root;
  private final BlobStoreContext blobs;
  private final S3Proxy proxy;
  private final Map<String, AtomicLong> operations = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> throttled = new ConcurrentHashMap<>();
  private final Set<String> denied = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> failingReads = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> failedReadsServed = new ConcurrentHashMap<>();

  /** The blob store operations that read an object: HEAD and GET. */
  private static final Set<String> READS = Set.of("blobMetadata", "getBlob");

  private S3Server(Path root, BlobStoreContext blobs, S3Proxy proxy) {
    this.root = root;
    this.blobs = blobs;
    this.proxy = proxy;
    BlobStore observed = observed(blobs.getBlobStore());
    proxy.setBlobStoreLocator((identity, container, blob) -> Map.entry("", observed));
  }

  /**
   * How many requests of a kind the server has answered, by the blob store operation that served
   * them: {@code list} (LIST), {@code getBlob} (GET), {@code blobMetadata} (HEAD), {@code putBlob}.
   */
  public long requests(String operation) {
    AtomicLong count = operations.get(operation);
    return count == null ? 0 : count.get();
  }

  /**
   * Answers the next {@code times} requests of a kind with 503 Slow Down, as S3 throttles. Besides
   * the read operations of {@link #requests}: {@code putBlob} (PUT), {@code
   * initiateMultipartUpload}, {@code uploadMultipartPart}, {@code completeMultipartUpload}.
   */
  public void throttleNext(String operation, int times) {
    failures.computeIfAbsent(operation, name -> new AtomicInteger()).addAndGet(times);
  }

  /** Refuses every read of one object with 403 Access Denied, as a bucket policy or KMS key may. */
  public void denyReading(String key) {
    denied.add(key);
  }

  /** Answers the next {@code times} reads of one object with 503, then serves it. */
  public void failReading(String key, int times) {
    failingReads.computeIfAbsent(key, name -> new AtomicInteger()).addAndGet(times);
  }

  /** How many reads of one object were answered with 503 by {@link #failReading}. */
  public int failedReads(String key) {
    AtomicInteger served = failedReadsServed.get(key);
    return served == null ? 0 : served.get();
  }

  /** How many requests of a kind the server has answered with 503 Slow Down. */
  public long throttled(String operation) {
    AtomicLong count = throttled.get(operation);
    return count == null ? 0 : count.get();
  }

  /** The blob store behind the S3 API, counting each operation and throttling on request. */
  private BlobStore observed(BlobStore store) {
    InvocationHandler handler =
        (target, method, args) -> {
          if (READS.contains(method.getName()) && args != null && args.length > 1) {
            String key = String.valueOf(args[1]);
            if (denied.contains(key)) {
              throw new HttpResponseException(
                  "denied by the test",
                  null,
                  HttpResponse.builder().statusCode(403).message("Access Denied").build());
            }
            AtomicInteger toFailRead = failingReads.get(key);
            if (toFailRead != null && toFailRead.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              failedReadsServed.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
              throw new HttpResponseException(
                  "failing by the test",
                  null,
                  HttpResponse.builder().statusCode(503).message("Service Unavailable").build());
            }
          }
          AtomicInteger toFail = failures.get(method.getName());
          if (toFail != null && toFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throttled.computeIfAbsent(method.getName(), name -> new AtomicLong()).incrementAndGet();
            throw new HttpResponseException(
                "throttled by the test",
                null,
                HttpResponse.builder().statusCode(503).message("Slow Down").build());
          }
          operations.computeIfAbsent(method.getName(), name -> new AtomicLong()).incrementAndGet();
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (BlobStore)
        Proxy.newProxyInstance(
            BlobStore.class.getClassLoader(), new Class<?>[] {BlobStore.class}, handler);
  }

  public static S3Server start(Path root) throws Exception {
    Files.createDirectories(root);
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", root.toString());
    BlobStoreContext blobs =
        ContextBuilder.newBuilder("filesystem").overrides(properties).build(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(blobs.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    return new S3Server(root, blobs, proxy);
  }

  /** Creates a bucket; returns the folder that holds its objects. */
  public Path bucket(String name) throws Exception {
    blobs.getBlobStore().createContainerInLocation(null, name);
    return root.resolve(name);
  }

  /** Uploads every file below {@code local} into the bucket, keyed by its relative path. */
  public int upload(Path local, String bucket) throws Exception {
    BlobStore store = blobs.getBlobStore();
    int uploaded = 0;
    try (Stream<Path> files = Files.walk(local)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String key = local.relativize(file).toString().replace('\\', '/');
        store.putBlob(
            bucket,
            store.blobBuilder(key).payload(file.toFile()).contentLength(Files.size(file)).build());
        uploaded++;
      }
    }
    return uploaded;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  public int port() {
    return proxy.getPort();
  }

  /** Flink configuration that points the S3 file system at this server, without credentials. */
  public Configuration clientConfig() {
    return clientConfig(endpoint());
  }

  /** The same, through another endpoint (a proxy in front of this server). */
  public static Configuration clientConfig(String endpoint) {
    Configuration config = new Configuration();
    config.set(JobOptions.S3_ENDPOINT, endpoint);
    config.set(JobOptions.S3_PATH_STYLE, true);
    config.set(JobOptions.S3_REGION, "us-east-1");
    config.set(
        JobOptions.S3_CREDENTIALS_PROVIDER,
        "org.apache.hadoop.fs.s3a.AnonymousAWSCredentialsProvider");
    return config;
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    blobs.close();
  }
}
