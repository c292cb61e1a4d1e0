import Foundation
import PakEssay

#if canImport(Glibc)
    import Glibc
#endif

/// `pakessay-bench --growth-check`: grades every shape of the growth table at a size n that takes about
/// `target` seconds and at 4n, and fails when 4n takes more than `limit` times as long. Linear work
/// gives about 4×, quadratic 16×; no absolute time is asserted, so a slow or busy machine passes.
struct GrowthCheck {
    var target = 0.1
    var limit = 8.0
    /// The largest transcript n may reach while calibrating, so that 4n stays within memory and time.
    var maxBytes = 8_000_000
    /// Grades a transcript once and returns the seconds it took.
    let time: (String) -> Double

    struct Result {
        var name: String
        var n: Int
        var megabytes: Double
        var small: Double
        var large: Double
        var ratio: Double { large / max(small, 1e-9) }
    }

    /// The best of up to `runs` timings; stops early once `good` says the best so far is good enough.
    func best(_ text: String, runs: Int, good: (Double) -> Bool = { _ in false }) -> Double {
        var seconds = Double.infinity
        for _ in 0..<runs {
            seconds = min(seconds, time(text))
            if good(seconds) { break }
        }
        return seconds
    }

    /// Doubles n from 1 until grading (the better of two runs) takes `target` seconds, or the
    /// transcript reaches `maxBytes`.
    func calibrate(_ shape: GrowthShape) -> Int {
        var n = 1
        while true {
            let text = shape.make(n)
            if text.utf8.count * 2 > maxBytes || best(text, runs: 2) >= target { return n }
            n *= 2
        }
    }

    /// Measures a shape at n and 4n; a shape over the limit is measured again, up to `attempts` times in
    /// all, and fails only when every attempt is over: a busy machine slows single runs, never all of them.
    func check(_ shape: GrowthShape, attempts: Int = 3) -> Result {
        let n = calibrate(shape)
        let smallText = shape.make(n)
        let largeText = shape.make(4 * n)
        let megabytes = Double(smallText.utf8.count) / 1e6
        var result = Result(name: shape.name, n: n, megabytes: megabytes, small: 0, large: .infinity)
        for _ in 0..<attempts {
            let small = best(smallText, runs: 3)
            let large = best(largeText, runs: 3) { $0 <= small * limit }
            if large / max(small, 1e-9) < result.ratio { (result.small, result.large) = (small, large) }
            if result.ratio <= limit { break }
        }
        return result
    }

    /// Checks every shape, prints the table and returns the number of shapes over the limit.
    func run(_ shapes: [GrowthShape], label: String) -> Int {
        print("growth check (\(label)): each shape at n (about \(target) s) and 4n; fails above \(fixed(limit, 0))×")
        print(
            cell("shape", 32, right: false) + cell("n", 9) + cell("MB at n", 9) + cell("s at n", 8)
                + cell("s at 4n", 9) + cell("ratio", 7) + "  result")
        var failures: [Result] = []
        for shape in shapes {
            let r = check(shape)
            let pass = r.ratio <= limit
            if !pass { failures.append(r) }
            print(
                cell(r.name, 32, right: false) + cell("\(r.n)", 9) + cell(fixed(r.megabytes, 2), 9)
                    + cell(fixed(r.small, 3), 8) + cell(fixed(r.large, 3), 9) + cell(fixed(r.ratio, 1) + "×", 7)
                    + (pass ? "  ok" : "  FAIL"))
        }
        for r in failures {
            print(
                "growth check failed: '\(r.name)' took \(fixed(r.ratio, 1))× as long at 4n as at n = \(r.n)"
                    + " (\(fixed(r.large, 2)) s against \(fixed(r.small, 3)) s; the limit is \(fixed(limit, 0))×):"
                    + " it grows faster than linearly")
        }
        return failures.count
    }
}
