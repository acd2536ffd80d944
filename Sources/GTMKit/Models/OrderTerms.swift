/// The factory's terms every purchase order obeys: a minimum order, a carton (case pack) and,
/// where the freight is booked by the pallet, whole pallets. One
/// value, read once from `inventory`, for the first batch, every reorder and every report: each
/// term's rounding and its words live here, so a new term is this file and its schema row.
struct OrderTerms: Sendable, Equatable {
    var moq: Int
    var casePack: Int
    /// Units per pallet (a multiple of the case pack): each order rounded up to whole pallets.
    var pallet: Int? = nil

    /// One term as the reports name it: its JSON key, its label, and the phrase that says it
    /// changed an order (`{}` takes its value as the report writes a count).
    struct Term: Sendable, Equatable {
        let key: String
        let value: Int
        let en: String, zh: String
        let changedEn: String, changedZh: String
    }

    /// No terms: an order of whole units.
    static let none = OrderTerms(moq: 0, casePack: 1)

    /// Every term, in the order they apply.
    var terms: [Term] {
        [Term(key: "moq", value: moq, en: "MOQ", zh: "最小起订量", changedEn: "the minimum order of {}", changedZh: "最小起订量 {}"),
         Term(key: "case_pack", value: casePack, en: "case pack", zh: "箱规", changedEn: "cartons of {}", changedZh: "每箱 {} 件")]
            + (pallet.map { [Term(key: "pallet", value: $0, en: "pallet", zh: "每托盘", changedEn: "pallets of {}",
                                 changedZh: "每托盘 {} 件")] } ?? [])
    }

    /// An order of `quantity` units: whole units, at least the MOQ, then a multiple of the case
    /// pack, then of the pallet. An order of nothing stays nothing: the MOQ binds only an order
    /// that is placed.
    func rounded(_ quantity: Double) -> Int {
        // A hair of tolerance, so that 4186.0000000001 (float noise) stays 4186.
        guard quantity > 1e-7 else { return 0 }
        let units = Int((min(quantity, Limits.magnitude) - 1e-7).rounded(.up))
        let atLeastMOQ = max(units, moq)
        let pack = max(pallet ?? casePack, casePack, 1)
        return (atLeastMOQ + pack - 1) / pack * pack
    }

    /// The terms that made an order of `units` (whole units, before the terms) bigger, in the
    /// order they apply: the MOQ when it is above them, a carton or pallet size when the order
    /// was not already whole cartons or pallets.
    func binding(for units: Int) -> [Term] {
        var quantity = units
        var changed: [Term] = []
        for term in terms {
            let next = term.key == "moq" ? max(quantity, term.value) : (quantity + term.value - 1) / max(term.value, 1) * max(term.value, 1)
            if next != quantity { changed.append(term) }
            quantity = next
        }
        return changed
    }

    /// The smallest step an order moves by: a decision need not be more precise than a third of it.
    var step: Int { max(pallet ?? casePack, casePack, 1) }
}
