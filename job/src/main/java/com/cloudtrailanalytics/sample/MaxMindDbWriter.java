package com.cloudtrailanalytics.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small databases in the MaxMind DB format 2.0 (https://maxmind.github.io/MaxMind-DB/),
 * which MaxMind's readers open like GeoIP2 and GeoLite2 files. The demo writes one that matches its
 * sample trail, and the tests write their own, since MaxMind's databases may not be redistributed.
 *
 * <p>The file is an IPv6 search tree (IPv4 networks sit under {@code ::/96}, where readers look for
 * them), sixteen zero bytes, a data section of typed values, and a metadata map after the marker
 * {@code \xAB\xCD\xEFMaxMind.com}. Values are maps with string keys whose leaves are strings,
 * doubles, booleans, lists and unsigned integers: an {@code Integer} up to 65535 is a uint16, a
 * {@code Long} a uint32 (or uint64 when it needs it), a {@code BigInteger} a uint64. MaxMind's
 * readers decode each type into one Java type, so write each field as its databases do.
 */
public final class MaxMindDbWriter {

  private static final byte[] METADATA_MARKER = {
    (byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'
  };
  private static final int TYPE_STRING = 2;
  private static final int TYPE_DOUBLE = 3;
  private static final int TYPE_UINT16 = 5;
  private static final int TYPE_UINT32 = 6;
  private static final int TYPE_MAP = 7;
  private static final int TYPE_UINT64 = 9;
  private static final int TYPE_ARRAY = 11;
  private static final int TYPE_BOOLEAN = 14;

  private final String databaseType;
  private final String description;
  private final List<Network> networks = new ArrayList<>();

  private record Network(byte[] address, int prefixLength, Map<String, Object> data) {}

  /** A node of the search tree; each side holds a node, a data offset, or nothing. */
  private static final class Node {
    final Object[] sides = new Object[2];
    int id;
  }

  private record Data(int offset) {}

  /**
   * @param databaseType e.g. {@code GeoLite2-City} or {@code GeoLite2-ASN}; readers check it
   */
  public MaxMindDbWriter(String databaseType, String description) {
    this.databaseType = databaseType;
    this.description = description;
  }

  /** Maps every address of a network, such as {@code 81.2.69.0/24} or {@code 2001:218::/32}. */
  public MaxMindDbWriter insert(String cidr, Map<String, Object> data) {
    int slash = cidr.indexOf('/');
    byte[] address = parse(cidr.substring(0, slash));
    int prefix = Integer.parseInt(cidr.substring(slash + 1));
    if (address.length == 4) {
      byte[] mapped = new byte[16];
      System.arraycopy(address, 0, mapped, 12, 4);
      networks.add(new Network(mapped, 96 + prefix, data));
    } else {
      networks.add(new Network(address, prefix, data));
    }
    return this;
  }

  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, toBytes());
  }

  public byte[] toBytes() throws IOException {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    Map<Map<String, Object>, Integer> offsets = new HashMap<>();
    Node root = new Node();
    List<Network> byLength = new ArrayList<>(networks);
    byLength.sort(Comparator.comparingInt(Network::prefixLength));
    for (Network network : byLength) {
      Integer offset = offsets.get(network.data());
      if (offset == null) {
        offset = data.size();
        offsets.put(network.data(), offset);
        encode(data, network.data());
      }
      insert(root, network.address(), network.prefixLength(), new Data(offset));
    }
    List<Node> nodes = number(root);
    int nodeCount = nodes.size();
    int recordSize = nodeCount + 16L + data.size() < (1L << 24) ? 24 : 32;
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (Node node : nodes) {
      writeRecord(file, recordValue(node.sides[0], nodeCount), recordSize);
      writeRecord(file, recordValue(node.sides[1], nodeCount), recordSize);
    }
    file.write(new byte[16]);
    data.writeTo(file);
    file.write(METADATA_MARKER);
    encode(file, metadata(nodeCount, recordSize));
    return file.toByteArray();
  }

  private Map<String, Object> metadata(int nodeCount, int recordSize) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("node_count", (long) nodeCount);
    metadata.put("record_size", recordSize);
    metadata.put("ip_version", 6);
    metadata.put("database_type", databaseType);
    metadata.put("languages", List.of("en"));
    metadata.put("binary_format_major_version", 2);
    metadata.put("binary_format_minor_version", 0);
    metadata.put("build_epoch", BigInteger.valueOf(Instant.now().getEpochSecond()));
    metadata.put("description", Map.of("en", description));
    return metadata;
  }

  /** Marks every address under the prefix with the data, splitting broader networks it is in. */
  private static void insert(Node root, byte[] address, int prefixLength, Data data) {
    Node node = root;
    for (int depth = 0; depth < prefixLength - 1; depth++) {
      int bit = bit(address, depth);
      Object side = node.sides[bit];
      if (!(side instanceof Node)) {
        Node child = new Node();
        child.sides[0] = side;
        child.sides[1] = side;
        node.sides[bit] = child;
      }
      node = (Node) node.sides[bit];
    }
    node.sides[bit(address, prefixLength - 1)] = data;
  }

  /** Numbers the nodes breadth first; the root is node 0. */
  private static List<Node> number(Node root) {
    List<Node> nodes = new ArrayList<>();
    ArrayDeque<Node> queue = new ArrayDeque<>(List.of(root));
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      node.id = nodes.size();
      nodes.add(node);
      for (Object side : node.sides) {
        if (side instanceof Node child) {
          queue.add(child);
        }
      }
    }
    return nodes;
  }

  private static long recordValue(Object side, int nodeCount) {
    if (side instanceof Node node) {
      return node.id;
    }
    if (side instanceof Data data) {
      return nodeCount + 16L + data.offset();
    }
    return nodeCount;
  }

  private static void writeRecord(ByteArrayOutputStream out, long value, int recordSize) {
    for (int shift = recordSize - 8; shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift) & 0xFF);
    }
  }

  private static int bit(byte[] address, int index) {
    return (address[index / 8] >>> (7 - index % 8)) & 1;
  }

  // --- the data section's encoding ---

  private static void encode(ByteArrayOutputStream out, Object value) throws IOException {
    if (value instanceof String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      control(out, TYPE_STRING, bytes.length);
      out.write(bytes);
    } else if (value instanceof Double number) {
      control(out, TYPE_DOUBLE, 8);
      writeRecord(out, Double.doubleToLongBits(number), 64);
    } else if (value instanceof Integer number && number >= 0 && number <= 0xFFFF) {
      unsigned(out, TYPE_UINT16, number);
    } else if (value instanceof Integer number) {
      unsigned(out, TYPE_UINT32, number & 0xFFFFFFFFL);
    } else if (value instanceof Long number && number >= 0 && number <= 0xFFFFFFFFL) {
      unsigned(out, TYPE_UINT32, number);
    } else if (value instanceof Long number) {
      unsigned(out, TYPE_UINT64, number);
    } else if (value instanceof BigInteger number && number.bitLength() <= 64) {
      unsigned(out, TYPE_UINT64, number.longValue());
    } else if (value instanceof Boolean flag) {
      control(out, TYPE_BOOLEAN, flag ? 1 : 0);
    } else if (value instanceof Map<?, ?> map) {
      control(out, TYPE_MAP, map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        encode(out, (String) entry.getKey());
        encode(out, entry.getValue());
      }
    } else if (value instanceof List<?> list) {
      control(out, TYPE_ARRAY, list.size());
      for (Object element : list) {
        encode(out, element);
      }
    } else {
      throw new IllegalArgumentException("Cannot write " + value + " into a MaxMind DB");
    }
  }

  private static void unsigned(ByteArrayOutputStream out, int type, long value) {
    int bytes = 0;
    for (long rest = value; rest != 0; rest >>>= 8) {
      bytes++;
    }
    control(out, type, bytes);
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift) & 0xFF);
    }
  }

  /** The control byte(s): type and size, extended type and longer sizes in following bytes. */
  private static void control(ByteArrayOutputStream out, int type, int size) {
    int sizeBits;
    byte[] sizeBytes;
    if (size < 29) {
      sizeBits = size;
      sizeBytes = new byte[0];
    } else if (size < 285) {
      sizeBits = 29;
      sizeBytes = new byte[] {(byte) (size - 29)};
    } else if (size < 65_821) {
      sizeBits = 30;
      sizeBytes = new byte[] {(byte) ((size - 285) >>> 8), (byte) (size - 285)};
    } else {
      sizeBits = 31;
      int rest = size - 65_821;
      sizeBytes = new byte[] {(byte) (rest >>> 16), (byte) (rest >>> 8), (byte) rest};
    }
    if (type <= 7) {
      out.write((type << 5) | sizeBits);
    } else {
      out.write(sizeBits);
      out.write(type - 7);
    }
    out.write(sizeBytes, 0, sizeBytes.length);
  }

  private static byte[] parse(String address) {
    if (!address.matches("[0-9A-Fa-f.:]+")) {
      throw new IllegalArgumentException("Not an IP address: " + address);
    }
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Not an IP address: " + address, e);
    }
  }
}
