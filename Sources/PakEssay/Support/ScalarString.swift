extension String {
    /// The string of a run of scalars, written as UTF-8 in one step.
    ///
    /// `String(String.UnicodeScalarView(scalars))` and `UnicodeScalarView.append(contentsOf:)` take a generic
    /// path that maps the scalars into an array and appends them one at a time: 15,000 to 30,000
    /// instructions for a line of prose (docs/performance.md, "Issue 17, step 8"). A scalar is always
    /// valid, so its UTF-8 is the string's, byte for byte.
    init<Scalars: Collection<Unicode.Scalar>>(scalars: Scalars) {
        var count = 0
        for c in scalars { count += c.utf8Width }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var k = 0
            for c in scalars { k += c.writeUTF8(into: buffer, at: k) }
            return k
        }
    }
}

extension Unicode.Scalar {
    /// The number of UTF-8 bytes the scalar takes.
    @inline(__always)
    var utf8Width: Int {
        value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x1_0000 ? 3 : 4
    }

    /// Writes the scalar's UTF-8 at `k` (which has room for it) and returns the number of bytes written.
    @inline(__always)
    func writeUTF8(into buffer: UnsafeMutableBufferPointer<UInt8>, at k: Int) -> Int {
        let v = value
        if v < 0x80 {
            buffer[k] = UInt8(truncatingIfNeeded: v)
            return 1
        }
        if v < 0x800 {
            buffer[k] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
            buffer[k + 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
            return 2
        }
        if v < 0x1_0000 {
            buffer[k] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
            buffer[k + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
            buffer[k + 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
            return 3
        }
        buffer[k] = UInt8(truncatingIfNeeded: 0xF0 | v >> 18)
        buffer[k + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 12 & 0x3F)
        buffer[k + 2] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
        buffer[k + 3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
        return 4
    }
}
