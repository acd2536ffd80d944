/// `OrderTerms`: a purchase order rounded up to whole units, the MOQ, whole cartons and whole pallets, and the terms that bound.
import Testing
@testable import GTMKit

@Suite struct OrderTermsTests {
    @Test func wholeUnitsRoundUpAndNothingStaysNothing() {
        let none = OrderTerms.none
        // Wikipedia's newsvendor Q* = 38.68 → 39: a fraction of a unit is a unit (up, never to nearest).
        #expect(none.rounded(38.68102356134274) == 39)
        #expect(none.rounded(38.01) == 39)
        #expect(none.rounded(0.2) == 1)
        // Whole numbers stay, float noise included: 39.00000000001 is 39.
        #expect(none.rounded(39) == 39)
        #expect(none.rounded(39.00000000001) == 39)
        // Nothing, less than nothing, below the 1e-7 tolerance, or not a number: no order.
        #expect(none.rounded(0) == 0)
        #expect(none.rounded(-12) == 0)
        #expect(none.rounded(1e-8) == 0)
        #expect(none.rounded(.nan) == 0)
        // Beyond Limits.magnitude (1e15) an order is held at it: ⌈1e15⌉ = 1,000,000,000,000,000.
        #expect(none.rounded(.infinity) == 1_000_000_000_000_000)
        #expect(none.step == 1)
    }

    @Test func moqThenCartons() {
        let terms = OrderTerms(moq: 500, casePack: 24)
        // MOQ 500, case pack 24: 510 → ⌈510/24⌉ × 24 = 22 × 24 = 528.
        #expect(terms.rounded(510) == 528)
        // 10 is raised to the MOQ, 500, and then to whole cartons: ⌈500/24⌉ × 24 = 21 × 24 = 504 (above the MOQ).
        #expect(terms.rounded(10) == 504)
        #expect(terms.rounded(0.3) == 504)
        // Exactly 21 cartons: 504 stays; one unit more opens a carton: 505 → 528.
        #expect(terms.rounded(504) == 504)
        #expect(terms.rounded(505) == 528)
        // The MOQ binds only an order that is placed: nothing stays nothing.
        #expect(terms.rounded(0) == 0)
        // An MOQ that is whole cartons is not raised: MOQ 480 (20 × 24), 100 → 480.
        #expect(OrderTerms(moq: 480, casePack: 24).rounded(100) == 480)
        #expect(terms.step == 24)
    }

    @Test func wholePallets() {
        // The README's example: MOQ 100, cartons of 12, pallets of 60 (5 cartons).
        let terms = OrderTerms(moq: 100, casePack: 12, pallet: 60)
        // 39 → MOQ 100 → cartons 108 → pallets ⌈108/60⌉ × 60 = 120.
        #expect(terms.rounded(39) == 120)
        // 121 → 11 cartons, 132 → 3 pallets, 180.
        #expect(terms.rounded(121) == 180)
        #expect(terms.rounded(120) == 120)
        // Without an MOQ: 1 unit is one carton, and one carton is one pallet, 60.
        #expect(OrderTerms(moq: 0, casePack: 12, pallet: 60).rounded(1) == 60)
        // The order moves by whole pallets: the step is the pallet, 60, not the carton.
        #expect(terms.step == 60)
        // A case pack of 0 (never decoded) cannot divide by zero: a step of 1, whole units.
        #expect(OrderTerms(moq: 0, casePack: 0).rounded(7.5) == 8)
        #expect(OrderTerms(moq: 0, casePack: 0).step == 1)
    }

    @Test func termsAndTheirWords() {
        let terms = OrderTerms(moq: 100, casePack: 12, pallet: 60)
        #expect(terms.terms.map(\.key) == ["moq", "case_pack", "pallet"])
        #expect(terms.terms.map(\.value) == [100, 12, 60])
        #expect(terms.terms.map(\.changedEn) == ["the minimum order of {}", "cartons of {}", "pallets of {}"])
        // Without pallets the list has no pallet term.
        #expect(OrderTerms(moq: 100, casePack: 12).terms.map(\.key) == ["moq", "case_pack"])
        #expect(OrderTerms.none == OrderTerms(moq: 0, casePack: 1, pallet: nil))
    }

    @Test func theTermsThatBindAnOrder() {
        let terms = OrderTerms(moq: 100, casePack: 12, pallet: 60)
        // 39 units: below the MOQ (100), and cartons and pallets above one unit: all three.
        #expect(terms.binding(for: 39).map(\.key) == ["moq", "case_pack", "pallet"])
        // 100 units: the MOQ of 100 is not above them, so it did not raise the order.
        #expect(terms.binding(for: 100).map(\.key) == ["case_pack", "pallet"])
        // No terms: nothing binds, whatever the order.
        #expect(OrderTerms.none.binding(for: 0).isEmpty)
        #expect(OrderTerms.none.binding(for: 39).isEmpty)
        // A case pack of 1 never binds; an MOQ of 50 binds 49 but not 50.
        #expect(OrderTerms(moq: 50, casePack: 1).binding(for: 49).map(\.key) == ["moq"])
        #expect(OrderTerms(moq: 50, casePack: 1).binding(for: 50).isEmpty)
    }
}
