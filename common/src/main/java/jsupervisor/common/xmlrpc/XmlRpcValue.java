package jsupervisor.common.xmlrpc;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * One XML-RPC value, as the wire knows it: the nine types Python's {@code xmlrpc.client} reads.
 *
 * <p>Immutable and therefore safe to share between threads. Every variant validates its
 * components in the compact constructor, so a value that exists can always be written:
 * {@link Str} and struct member names are non-null, {@link DateTime} has whole seconds,
 * {@link Array} and {@link Struct} hold unmodifiable copies.
 *
 * <p>The accessors ({@link #asInt()}, {@link #asString()}, ...) throw {@link XmlRpcTypeException}
 * when the value has another type, which is what a daemon turns into INCORRECT_PARAMETERS. Code
 * that needs every case switches over the sealed hierarchy, so the compiler catches a missed type;
 * the exception is {@link XmlRpcWriter}, on every answer's path, whose test checks the types instead.
 */
public sealed interface XmlRpcValue {

    /** The element name this type has on the wire ({@code int}, {@code string}, {@code struct}...). */
    String typeName();

    /** An integer; written as {@code <int>} when it fits 32 bits and as {@code <i8>} otherwise. */
    record Int(long value) implements XmlRpcValue {
        @Override
        public String typeName() {
            return "int";
        }
    }

    /** A {@code <boolean>}, written {@code 0} or {@code 1}. */
    record Bool(boolean value) implements XmlRpcValue {
        @Override
        public String typeName() {
            return "boolean";
        }
    }

    /** A {@code <string>}; an untyped {@code <value>text</value>} reads as one too. */
    record Str(String value) implements XmlRpcValue {
        public Str {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String typeName() {
            return "string";
        }
    }

    /** A {@code <double>}; NaN and the infinities are allowed because Python writes and reads them. */
    record Double(double value) implements XmlRpcValue {
        @Override
        public String typeName() {
            return "double";
        }
    }

    /** A {@code <dateTime.iso8601>}: a zone-less local time with whole seconds, as XML-RPC defines it. */
    record DateTime(LocalDateTime value) implements XmlRpcValue {
        public DateTime {
            Objects.requireNonNull(value, "value");
            if (value.getNano() != 0) {
                // the wire format has no fraction; refusing it keeps round-trips exact
                throw new IllegalArgumentException("dateTime.iso8601 has whole seconds only: " + value);
            }
            if (value.getYear() < 0 || value.getYear() > 9999) {
                throw new IllegalArgumentException("dateTime.iso8601 needs a four-digit year: " + value);
            }
        }

        /** Truncates {@code value} to whole seconds, for callers holding a clock reading. */
        public static DateTime ofTruncated(LocalDateTime value) {
            return new DateTime(value.truncatedTo(ChronoUnit.SECONDS));
        }

        @Override
        public String typeName() {
            return "dateTime.iso8601";
        }
    }

    /** A {@code <base64>} blob; the array is copied in and out, so the value stays immutable. */
    record Base64(byte[] value) implements XmlRpcValue {
        public Base64 {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        /** The length without copying the bytes. */
        public int length() {
            return value.length;
        }

        @Override
        public String typeName() {
            return "base64";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Base64 other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Base64[" + HexFormat.of().formatHex(value) + "]";
        }
    }

    /** An {@code <array>}: an unmodifiable list of values, possibly of mixed types. */
    record Array(List<XmlRpcValue> values) implements XmlRpcValue {
        public Array {
            values = List.copyOf(values);
        }

        /** The element at {@code index}; a short array is a type problem for the caller, not a bug. */
        public XmlRpcValue get(int index) {
            if (index < 0 || index >= values.size()) {
                throw new XmlRpcTypeException("array has " + values.size() + " elements, no index " + index);
            }
            return values.get(index);
        }

        public int size() {
            return values.size();
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    /**
     * A {@code <struct>}: members in the order they were put or read, which is the order they are
     * written in (Supervisor's answers list members in a fixed order and we keep it). A repeated
     * name keeps its first position and its last value, as a Python dict does.
     */
    record Struct(SequencedMap<String, XmlRpcValue> members) implements XmlRpcValue {
        public Struct {
            // the reader's own map is complete and let go of: wrapping it saves a copy per struct
            members = Collections.unmodifiableSequencedMap(members instanceof ReadMembers read ? read : copy(members));
        }

        /** A checked copy: names and values non-null, order kept. */
        private static LinkedHashMap<String, XmlRpcValue> copy(SequencedMap<String, XmlRpcValue> members) {
            var copy = new LinkedHashMap<String, XmlRpcValue>(members.size() * 4 / 3 + 1);
            for (Map.Entry<String, XmlRpcValue> e : members.entrySet()) {
                copy.put(Objects.requireNonNull(e.getKey(), "member name"),
                        Objects.requireNonNull(e.getValue(), "member value"));
            }
            return copy;
        }

        /**
         * The members map the reader fills for one struct: non-null names and values, handed to the
         * constructor once complete and never touched again, so the struct may hold it without a copy.
         */
        static final class ReadMembers extends LinkedHashMap<String, XmlRpcValue> {
            ReadMembers() {
                super(32); // Supervisor's biggest structs have 14 to 20 members: no resize on the way
            }
        }

        /** A builder that keeps insertion order. */
        public static Builder builder() {
            return new Builder();
        }

        /** The member called {@code name}; a missing member is the caller's type problem. */
        public XmlRpcValue get(String name) {
            XmlRpcValue value = members.get(name);
            if (value == null) {
                throw new XmlRpcTypeException("struct has no member '" + name + "'");
            }
            return value;
        }

        public boolean has(String name) {
            return members.containsKey(name);
        }

        public String getString(String name) {
            return get(name).asString();
        }

        public int getInt(String name) {
            return get(name).asInt();
        }

        public long getLong(String name) {
            return get(name).asLong();
        }

        public boolean getBoolean(String name) {
            return get(name).asBoolean();
        }

        @Override
        public String typeName() {
            return "struct";
        }

        /** Collects members in order; not thread-safe, meant to live inside one method. */
        public static final class Builder {
            private final LinkedHashMap<String, XmlRpcValue> members = new LinkedHashMap<>();

            private Builder() {}

            public Builder put(String name, XmlRpcValue value) {
                members.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
                return this;
            }

            public Builder put(String name, String value) {
                return put(name, new Str(value));
            }

            public Builder put(String name, long value) {
                return put(name, new Int(value));
            }

            public Builder put(String name, boolean value) {
                return put(name, new Bool(value));
            }

            public Builder put(String name, double value) {
                return put(name, new Double(value));
            }

            public Struct build() {
                return new Struct(members);
            }
        }
    }

    /** {@code <nil/>}: Python reads it; Supervisor itself never sends it. */
    record Nil() implements XmlRpcValue {
        /** The one instance worth having; any {@code new Nil()} equals it. */
        public static final Nil INSTANCE = new Nil();

        @Override
        public String typeName() {
            return "nil";
        }
    }

    // Factories: call sites read XmlRpcValue.of(pid), XmlRpcValue.array(...), Struct.builder().

    static Int of(long value) {
        return new Int(value);
    }

    static Bool of(boolean value) {
        return new Bool(value);
    }

    static Str of(String value) {
        return new Str(value);
    }

    static Double of(double value) {
        return new Double(value);
    }

    static DateTime of(LocalDateTime value) {
        return new DateTime(value);
    }

    static Base64 of(byte[] value) {
        return new Base64(value);
    }

    static Array array(XmlRpcValue... values) {
        return new Array(List.of(values));
    }

    static Array array(List<? extends XmlRpcValue> values) {
        return new Array(List.copyOf(values));
    }

    /** The 32-bit integer; an {@code <i8>} outside that range is refused rather than truncated. */
    default int asInt() {
        long v = asLong();
        if (v != (int) v) {
            throw new XmlRpcTypeException("expected an int but got " + v + ", which does not fit 32 bits");
        }
        return (int) v;
    }

    default long asLong() {
        if (this instanceof Int(long v)) {
            return v;
        }
        throw mismatch("int");
    }

    default boolean asBoolean() {
        if (this instanceof Bool(boolean v)) {
            return v;
        }
        throw mismatch("boolean");
    }

    default String asString() {
        if (this instanceof Str(String v)) {
            return v;
        }
        throw mismatch("string");
    }

    default double asDouble() {
        if (this instanceof Double(double v)) {
            return v;
        }
        throw mismatch("double");
    }

    default LocalDateTime asDateTime() {
        if (this instanceof DateTime(LocalDateTime v)) {
            return v;
        }
        throw mismatch("dateTime.iso8601");
    }

    default byte[] asBytes() {
        if (this instanceof Base64 b) {
            return b.value();
        }
        throw mismatch("base64");
    }

    default Array asArray() {
        if (this instanceof Array a) {
            return a;
        }
        throw mismatch("array");
    }

    /** Shorthand for {@code asArray().values()}. */
    default List<XmlRpcValue> asList() {
        return asArray().values();
    }

    default Struct asStruct() {
        if (this instanceof Struct s) {
            return s;
        }
        throw mismatch("struct");
    }

    private XmlRpcTypeException mismatch(String expected) {
        return new XmlRpcTypeException("expected " + expected + " but got " + typeName());
    }
}
