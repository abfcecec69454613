extension Array {
    /// Puts the `k` first elements by `areInIncreasingOrder` at the front, in order; the rest follow in no
    /// particular order. With a strict total order (ties broken by a unique id) the front is exactly what a full
    /// sort would put there, in O(n + k log k) rather than O(n log n).
    mutating func sortPrefix(_ k: Int, by areInIncreasingOrder: (Element, Element) -> Bool) {
        guard k < count else {
            sort(by: areInIncreasingOrder)
            return
        }
        selectFront(k, by: areInIncreasingOrder)
        self[0..<k].sort(by: areInIncreasingOrder)
    }

    /// Puts the `k` first elements by `areInIncreasingOrder` at the front, in no particular order: with a strict
    /// total order, the same set a full sort would put there, in O(n).
    mutating func selectFront(_ k: Int, by areInIncreasingOrder: (Element, Element) -> Bool) {
        guard k > 0, k < count else { return }
        // Quickselect (median-of-three Lomuto) until position k holds its element and everything before it is
        // smaller.
        var lo = 0, hi = count - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if areInIncreasingOrder(self[mid], self[lo]) { swapAt(mid, lo) }
            if areInIncreasingOrder(self[hi], self[lo]) { swapAt(hi, lo) }
            if areInIncreasingOrder(self[mid], self[hi]) { swapAt(mid, hi) }
            let pivot = self[hi]
            var store = lo
            for i in lo..<hi where areInIncreasingOrder(self[i], pivot) {
                swapAt(i, store)
                store += 1
            }
            swapAt(store, hi)
            if store == k { break }
            if store < k { lo = store + 1 } else { hi = store - 1 }
        }
    }
}
