/// The cash flow's weeks as the report shows them (the base case's evaluation, decisions taken).
struct CashFlow: Sendable, Equatable {
    struct Week: Sendable, Equatable {
        var start: CivilDate
        var inflow: Double
        var outflow: Double
        /// Cash on hand plus every receipt less every payment up to the end of this week.
        var balance: Double
        /// The week's lowest balance: its payments count before its receipts, as in the peak need.
        var lowest: Double { balance - inflow }
    }

    /// The first week whose payments take the balance (cash on hand included) below zero.
    var runsOut: Week? { weeks.first { $0.lowest < 0 } }

    /// From the week of the first payment to the end of the horizon.
    var weeks: [Week]
    var onHand: Double
    /// When the campaign's money arrives, and the rule that dated it.
    var payout: CivilDate?
    var payoutRule: PlatformFees.Payout?
    /// When rewards ship, as the cash counts it, if not the campaign's date: the day the first
    /// batch lands, when the scenario has them ship before any unit exists.
    var rewardsShip: CivilDate? = nil
    /// Where KOL samples and tester units are paid for.
    var samplesFrom: SampleSource
    /// Every payment and receipt, item by item, in the order the computation made them.
    var ledger: [Entry]

    /// What a payment or receipt is for, with its JSON key and its label: declared beside the
    /// model that pays it (`CashFlow.Item.ads` in AdsModel.swift). `rank` orders items that start
    /// on the same day, as the report lists them.
    struct Item: Hashable, Sendable {
        /// The JSON key: `fixed_costs`, `retail_receipts`….
        let key: String
        let rank: Int
        let en: String, zh: String
        /// Money in (the campaign's payout, retail receipts) rather than out.
        let isReceipt: Bool

        init(_ key: String, rank: Int, _ en: String, _ zh: String, receipt: Bool = false) {
            self.key = key
            self.rank = rank
            self.en = en
            self.zh = zh
            isReceipt = receipt
        }

        static func == (a: Item, b: Item) -> Bool { a.key == b.key }
        func hash(into hasher: inout Hasher) { hasher.combine(key) }

        static let fixedCosts = Item("fixed_costs", rank: 0, "Fixed launch costs", "一次性上市成本")
        static let pilotRun = Item("pilot_run", rank: 1, "Pilot run", "试产")
        static let deposit = Item("deposit", rank: 2, "First batch: deposit", "首批：订金")
        static let balance = Item("balance", rank: 3, "First batch: balance (goods leave the factory)", "首批：尾款（出厂时）")
        static let testerUnits = Item("tester_units", rank: 5, "Tester units", "内测产品")
        static let campaignPayout = Item("campaign_payout", rank: 9, "Crowdfunding payout (net of fees)", "众筹款到账（扣除费用）",
                                         receipt: true)
        static let campaignPayoutRest = Item("campaign_payout_rest", rank: 9, "Crowdfunding payout: the rest, once rewards are delivered",
                                             "众筹款：回报送达后拨付的余款", receipt: true)
        static let rewardShipping = Item("reward_shipping", rank: 10, "Reward shipping", "回报运费")
        static let reorderDeposit = Item("reorder_deposit", rank: 11, "Reorder: deposit", "补货：订金")
        static let reorderBalance = Item("reorder_balance", rank: 12, "Reorder: balance", "补货：尾款")
        static let goodsSold = Item("goods_sold", rank: 13, "Units sold (bought as they sell)", "售出产品成本（随售随采）")
        static let rewardUnits = Item("reward_units", rank: 17, "Reward units (bought as they ship: no first batch)", "回报产品（无首批，发货时采购）")
        static let fulfillment = Item("fulfillment", rank: 14, "Fulfilment of retail orders", "零售订单履约")
        static let retailReceipts = Item("retail_receipts", rank: 15, "Retail sales received (after fees and returns)",
                                         "零售回款（扣除平台费与退货）", receipt: true)
        static let presaleDeposits = Item("presale_deposits", rank: 8, "Presale deposits (定金) received", "预售定金到账", receipt: true)
        static let clearance = Item("clearance", rank: 16, "Stock left at the season's end, cleared at salvage", "销售季结束剩余库存按残值清仓",
                                    receipt: true)
    }

    /// One item's payments or receipts: its first and last day and its total.
    struct Total: Sendable, Equatable {
        var item: Item
        var first: CivilDate
        var last: CivilDate
        var amount: Double
    }

    /// The ledger by item, ordered by the item's first day.
    var totals: [Total] {
        var byItem: [Item: Total] = [:]
        for entry in ledger {
            let day = CivilDate(daysSinceEpoch: entry.day), through = CivilDate(daysSinceEpoch: entry.through ?? entry.day)
            if var total = byItem[entry.item] {
                total.first = min(total.first, day)
                total.last = max(total.last, through)
                total.amount += entry.amount
                byItem[entry.item] = total
            } else {
                byItem[entry.item] = Total(item: entry.item, first: day, last: through, amount: entry.amount)
            }
        }
        return byItem.values.sorted { ($0.first, $0.item.rank) < ($1.first, $1.item.rank) }
    }

    struct Entry: Sendable, Equatable {
        var item: Item
        /// Days since 1970-01-01.
        var day: Int
        var amount: Double
        /// A payment spread over days: the last day of the stretch it pays for (its first is `day`).
        var through: Int? = nil
    }

    /// Where KOL samples and tester units come from, and so when they are paid for.
    enum SampleSource: Sendable, Equatable {
        /// The pilot run (paid when the pilot is ready).
        case pilot
        /// The first batch (paid with its purchase order).
        case batch
        /// Bought one by one when they ship.
        case bought
    }
}

/// The cash flow (see the Models article, "Cash over time"): every payment and receipt the plan implies,
/// dated by its own timeline and summed by week, from the earliest day anything may be paid to
/// the end of the horizon. One computation for the base case and every trial: the amounts come
/// from the trial's outputs (batch cost, KOL fees, campaign net, weekly sales), the dates are the
/// plan's (fixed once, or decisions such as the reorder). Weeks start on the launch's weekday, so
/// that each week after launch is the demand curve's week.
///
/// Out: fixed costs when due; the pilot run when ready; each purchase order as a deposit when
/// placed and the balance when the goods leave the factory (arrival − freight); KOL fees, the
/// upfront share at contract and the rest at publish, commissions at publish; ad budgets over
/// each flight's days; samples and tester units bought outside
/// the pilot and the batch when they ship; reward shipping when rewards ship; fulfilment per
/// unit sold; without an inventory section, each unit's cost when it sells. In: the campaign's
/// net at its payout; retail sales, stock allowing, at price × (1 − fee) × (1 − returns), each
/// channel's share received its settlement delay after the sale.
final class CashModel: Sendable {
    /// Day numbers (days since 1970-01-01) of week 0's first day and of the day after the horizon.
    let origin: Int
    let weeks: Int
    /// The last day counted: the horizon's last, or a later dated payment's.
    let lastDay: Int
    let launchDay: Int
    let horizonEnd: Int
    let onHand: Int
    let price: Int, unitCost: Int, fixedCosts: Int
    let fixedDue: Int
    let channels: ChannelEconomics
    /// Receipts by settlement delay, as parallel arrays for the weekly loop.
    let receiptDays: [Int], receiptKeep: [Double]
    let pilotDay: Int?
    /// The first batch: order, balance (arrival − freight) and arrival days; the deposit's slot.
    let batch: (order: Int, balance: Int, arrival: Int, deposit: Int)?
    let freightDays: Int
    /// The first-batch model, for what its orders cost (per SKU when there are SKUs).
    let batchModel: FirstBatchModel?
    /// The season's last day (`demand.sell_by`), when it ends before the horizon: the stock left
    /// then is cleared at salvage that day.
    let clearanceDay: Int?
    let salvage: Int
    let samplesFrom: CashFlow.SampleSource
    let sampleCost: Int
    /// The plan's levers (`Levers.all`), each with its scratch offset and its even payments as
    /// the weeks they fall in, in the order of `Lever.evenPayments`.
    let levers: [(lever: any Lever, offset: Int)]
    /// The same, as the trial loop calls them (`UnretainedLever`).
    let leverRefs: [UnretainedLever]
    let spreads: [[Spread]]
    /// Seed reviews: the ship day from launch and from the campaign.
    let seedShip: (launch: Int, campaign: Int)?
    /// The campaign: payout and rewards-ship days, the shipping and dropped-pledge slots.
    let campaign: (payout: Int, fulfillment: Int, shipping: Int, dropped: Int)?
    /// A staged payout: the slot of the share paid at the payout, and the day the rest is paid
    /// (rewards delivered: ten days after they ship).
    let payoutStages: (first: Int, rest: Int)?
    let payoutRule: PlatformFees.Payout?
    /// The day rewards ship in the cash flow when the campaign's date cannot hold (before the batch lands).
    let rewardsMoved: CivilDate?
    /// Retail demand: the market size's share by day (the demand curve), or the forecast's daily rate.
    let size: Output?
    let forecast: (slot: Int, days: Double)?
    let demand: DemandModel
    /// Sales begin at launch, or when the first batch arrives if that is later.
    let sellFrom: Int
    /// Where each week's sales are received: for week w, entries `receiptStart[w]..<receiptStart[w + 1]`
    /// of (the week they land in, the share of the week's sales value, the first day). Each
    /// channel group's settlement delay shifts the week's selling days, which fall in at most
    /// two weeks; the shares weigh in what the channels keep (fees, returns). Fixed per plan.
    let receiptStart: [Int], receiptWeek: [Int], receiptShare: [Double], receiptDay: [Int]
    /// Per week, the share of its sales value the channels keep (its receipts' shares summed): a
    /// presale deposit is received net of it.
    let receiptKept: [Double]
    /// A payment spread evenly over days: the weeks it falls in, each one's share, and its first
    /// and last day in that week.
    struct Spread: Sendable {
        var weeks: [Int] = [], shares: [Double] = [], days: [Int] = [], through: [Int] = []
    }
    /// Weeks before launch week in the grid.
    let weeksBeforeLaunch: Int
    /// The launch price's slot and its last day (exclusive), when there is one.
    let launchPrice: Int?
    let launchPriceEnd: Int

    init(_ scenario: Scenario, _ inputs: inout InputTable, economics: EconomicsModel, channels: ChannelEconomics,
         demand: DemandModel, firstBatch: FirstBatchModel?, pilot: PilotModel?, levers: [(lever: any Lever, offset: Int)], sampleCost: Int,
         seed: SeedReviewModel?, crowdfunding: CrowdfundingModel?) {
        let launch = scenario.launch.date
        launchDay = launch.daysSinceEpoch
        horizonEnd = launchDay + Int(demand.horizonDays)
        onHand = inputs.bind(scenario.cash?.onHand ?? Quantity(0), "cash.on_hand")
        price = economics.price
        unitCost = economics.unitCost
        fixedCosts = economics.fixedCosts
        self.channels = channels
        receiptDays = channels.receipts.map(\.days)
        receiptKeep = channels.receipts.map(\.keep)
        self.demand = demand
        size = demand.size
        forecast = firstBatch.flatMap { batch in batch.forecast.map { ($0, max(batch.windowDays, 1)) } }
        pilotDay = pilot?.ready.daysSinceEpoch
        freightDays = scenario.inventory.map { $0.freight.days(from: launch) } ?? 0
        batchModel = firstBatch
        salvage = firstBatch?.salvage ?? economics.unitCost
        clearanceDay = firstBatch != nil && demand.sellByDays < demand.horizonDays ? launchDay + Int(demand.sellByDays) - 1 : nil
        if let firstBatch {
            let arrival = firstBatch.arrival.daysSinceEpoch
            batch = (firstBatch.poDate.daysSinceEpoch, max(firstBatch.poDate.daysSinceEpoch, arrival - freightDays), arrival,
                     firstBatch.deposit)
        } else {
            batch = nil
        }
        fixedDue = scenario.product.fixedCostsDue?.daysSinceEpoch ?? batch?.order ?? launchDay
        samplesFrom = pilot != nil ? .pilot : firstBatch != nil ? .batch : .bought
        self.sampleCost = sampleCost
        self.levers = levers
        leverRefs = levers.map { UnretainedLever($0.lever, offset: $0.offset) }
        seedShip = seed.map { ($0.plan.shipBy.daysSinceEpoch, $0.plan(campaignInPlan: true).shipBy.daysSinceEpoch) }
        if let crowdfunding, let terms = scenario.crowdfunding {
            let rule: PlatformFees.Payout = terms.payoutDelay.map { .afterEnd($0) } ?? PlatformFees.payout(terms.platform)
            // Rewards ship when units exist: not before the first batch lands (a warning,
            // `units_before_supply`, says the scenario's date cannot hold).
            let ships = max(crowdfunding.fulfillment, firstBatch?.arrival ?? crowdfunding.fulfillment)
            rewardsMoved = ships != crowdfunding.fulfillment ? ships : nil
            let payout: CivilDate
            switch rule {
            case .afterEnd(let delay): payout = delay.after(crowdfunding.end)
            case .afterRewards(let delay): payout = delay.after(ships)
            }
            payoutRule = rule
            campaign = (payout.daysSinceEpoch, ships.daysSinceEpoch, crowdfunding.shipping, crowdfunding.dropped)
            payoutStages = terms.payoutFirst.value < 1 || terms.payoutFirst.isUncertain
                ? (inputs.bind(terms.payoutFirst, "crowdfunding.payout_first"), max(payout.daysSinceEpoch, ships.daysSinceEpoch + 10)) : nil
        } else {
            payoutRule = nil
            campaign = nil
            payoutStages = nil
            rewardsMoved = nil
        }
        launchPrice = demand.launchPrice
        launchPriceEnd = launchDay + Int(demand.launchDays)
        // The grid: from the week (starting on the launch's weekday) of the earliest day anything
        // may be paid, to the horizon's end (or a later dated payment).
        var first = min(launchDay, fixedDue)
        var last = horizonEnd - 1
        for day in [pilotDay, batch?.order, campaign?.payout, campaign?.fulfillment, payoutStages?.rest, seedShip?.launch, seedShip?.campaign]
            .compactMap({ $0 }) + levers.flatMap({ $0.lever.paymentDays }) + [fixedDue] {
            first = min(first, day)
            last = max(last, day)
        }
        weeksBeforeLaunch = (launchDay - first + 6) / 7
        origin = launchDay - 7 * weeksBeforeLaunch
        weeks = (last - origin) / 7 + 1
        lastDay = last
        // The grid's week that holds `day`, and the day it starts.
        let origin = self.origin
        func weekStart(_ day: Int) -> Int { day - ((day - origin) % 7 + 7) % 7 }
        // Days [start, end) spread evenly: each week's share, and its first day.
        func spread(_ start: Int, _ end: Int, weight: Double, into rows: inout Spread) {
            var day = start
            while day < end {
                let next = min(end, weekStart(day) + 7)
                if day <= last {
                    rows.weeks.append((day - origin) / 7)
                    rows.shares.append(weight * Double(next - day) / Double(end - start))
                    rows.days.append(day)
                    rows.through.append(next - 1)
                }
                day = next
            }
        }
        spreads = levers.map { lever in
            lever.lever.evenPayments.map { range in
                var rows = Spread()
                spread(max(range.lowerBound, origin), range.upperBound, weight: 1, into: &rows)
                return rows
            }
        }
        sellFrom = max(launchDay, batch?.arrival ?? launchDay)
        var starts = [0]
        var rows = Spread()
        for week in 0..<weeks {
            let start = max(origin + week * 7, sellFrom), end = min(origin + week * 7 + 7, horizonEnd)
            if end > start {
                // The selling days [start, end) received each settlement delay later.
                for (delay, keep) in zip(receiptDays, receiptKeep) { spread(start + delay, end + delay, weight: keep, into: &rows) }
            }
            starts.append(rows.weeks.count)
        }
        receiptStart = starts
        receiptWeek = rows.weeks
        receiptShare = rows.shares
        receiptDay = rows.days
        receiptKept = (0..<weeks).map { week in (starts[week]..<starts[week + 1]).reduce(0) { $0 + rows.shares[$1] } }
    }

    /// Whether every evaluation works out the weekly demand curve (`retail` does, for a plan whose
    /// demand is the curve and whose stock can sell within the horizon): the band recorder then
    /// reads it instead of working it out again.
    var computesWeeklyDemand: Bool { forecast == nil && week(min(sellFrom, horizonEnd)) != nil }

    /// The week a day falls in, or nil outside the days counted.
    @inline(__always)
    func week(_ day: Int) -> Int? {
        let offset = day - origin
        guard offset >= 0, day <= lastDay else { return nil }
        return offset / 7
    }

    /// A payment or receipt of `item` on `day`: added to its week, and kept item by item when
    /// the workspace keeps a ledger (the base case, for the report; never a trial).
    @inline(__always)
    func add(_ amount: Double, on day: Int, to buffer: UnsafeMutablePointer<Double>, _ item: CashFlow.Item, _ ws: Workspace) {
        guard let week = week(day) else { return }
        buffer[week] += amount
        if ws.keepsLedger, amount != 0 { ws.ledger.append(.init(item: item, day: day, amount: amount)) }
    }

    /// One evaluation: the weeks' receipts and payments in the workspace's buffers, and the outputs.
    @inline(__always)
    func run(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace, _ d: Decisions, pilot: Bool, seed: Bool) {
        let inflow = ws.cashIn, outflow = ws.cashOut
        if ws.keepsLedger { ws.ledger.removeAll() }
        for week in 0..<weeks {
            inflow[week] = 0
            outflow[week] = 0
        }
        let cost = v[unitCost]
        add(v[fixedCosts], on: fixedDue, to: outflow, .fixedCosts, ws)
        if pilot, let pilotDay { add(ws[.pilotCost], on: pilotDay, to: outflow, .pilotRun, ws) }
        if let batch {
            let amount = batchModel?.batchCost(v, d) ?? d.batchUnits * cost
            add(amount * v[batch.deposit], on: batch.order, to: outflow, .deposit, ws)
            add(amount * (1 - v[batch.deposit]), on: batch.balance, to: outflow, .balance, ws)
            let reorderCost = batchModel?.reorderUnitCost(v) ?? cost
            for reorder in d.schedule.landings {
                let amount = reorder.units * reorderCost
                let order = reorder.ordered
                add(amount * v[batch.deposit], on: order, to: outflow, .reorderDeposit, ws)
                add(amount * (1 - v[batch.deposit]), on: max(order, reorder.day - freightDays), to: outflow,
                    .reorderBalance, ws)
            }
        }
        for (index, lever) in leverRefs.enumerated() {
            var book = CashBook(cash: self, ws: ws, outflow: outflow, spreads: spreads[index], samplesBought: samplesFrom == .bought)
            lever.pay(v, ws, d, &book)
        }
        if seed, samplesFrom == .bought, let seedShip {
            add(ws[.testerCost], on: d.inPlan ? seedShip.campaign : seedShip.launch, to: outflow, .testerUnits, ws)
        }
        // Backers are paid for and owed rewards only in a launch whose campaign funds (all or
        // nothing: its pledges reach the goal); their units come out of the batch.
        let funded = campaign != nil && d.funds(pledged: ws[.pledged])
        if let campaign, funded {
            if let stages = payoutStages {
                add(ws[.net] * v[stages.first], on: campaign.payout, to: inflow, .campaignPayout, ws)
                add(ws[.net] * (1 - v[stages.first]), on: stages.rest, to: inflow, .campaignPayoutRest, ws)
            } else {
                add(ws[.net], on: campaign.payout, to: inflow, .campaignPayout, ws)
            }
            add(ws[.backers] * (1 - v[campaign.dropped]) * v[campaign.shipping], on: campaign.fulfillment, to: outflow,
                .rewardShipping, ws)
            // Without a first batch, the units owed to backers are bought when they ship.
            if batch == nil { add(ws[.crowdfundingUnits] * cost, on: campaign.fulfillment, to: outflow, .rewardUnits, ws) }
        }
        ws[.unitsSold] = retail(v, ws, d, owed: funded ? ws[.crowdfundingUnits] : 0, inflow: inflow, outflow: outflow)
        balances(v, ws)
    }

    /// Retail sales week by week, stock allowing (the first batch's retail units from its
    /// arrival, each reorder's from the week it arrives; no cap without an inventory section),
    /// their fulfilment, and their receipts after each channel's settlement delay. A week's
    /// demand is the demand model's (the same weeks: both start on launch day), or the forecast's
    /// daily rate; sales before the first batch arrives are lost. Returns the units sold.
    @inline(__always)
    func retail(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace, _ d: Decisions, owed: Double,
                inflow: UnsafeMutablePointer<Double>, outflow: UnsafeMutablePointer<Double>) -> Double {
        let rate = forecast.map { v[$0.slot] / $0.days } ?? 0
        guard let firstWeek = week(min(sellFrom, horizonEnd)) else { return 0 }
        let kolRetail = demand.kolIsRetail(d.inPlan)
        if forecast == nil { demand.weekly(v, ws, kolRetail: kolRetail) }
        let cumulative = ws.demandCumulative
        // Demand before the batch arrives (lost), and by the end of the launch price.
        let lost = forecast == nil && sellFrom > launchDay ? demand.total(Double(sellFrom - launchDay), v, ws, kolRetail: kolRetail) : 0
        let early = forecast == nil && launchPrice != nil ? demand.total(Double(launchPriceEnd - launchDay), v, ws, kolRetail: kolRetail) : 0
        let price = v[self.price], cost = v[unitCost]
        let introductory = launchPrice.map { v[$0] } ?? price
        var stock = batch == nil ? Double.infinity : d.retailStock(owed: owed)
        let fulfillment = channels.fulfillment
        var sold = 0.0
        // Each promotion: the cumulative demand at its first and last day, then its units and discount.
        let promotions = demand.promotions, sales = ws.promotionSales
        for (index, window) in promotions.enumerated() {
            sales[4 * index] = forecast == nil ? demand.total(window.start, v, ws, kolRetail: kolRetail) : rate * window.start
            sales[4 * index + 1] = forecast == nil ? demand.total(window.end, v, ws, kolRetail: kolRetail) : rate * window.end
            sales[4 * index + 2] = 0
            sales[4 * index + 3] = 0
        }
        d.schedule.landings.withUnsafeBufferPointer { orders in
            var next = 0
            for week in firstWeek..<weeks {
                let weekStart = origin + week * 7
                let start = max(weekStart, sellFrom), end = min(weekStart + 7, horizonEnd)
                guard end > start else {
                    // Reorders that land in a week with no selling days are on hand for the next.
                    while batch != nil, next < orders.count, orders[next].day < weekStart + 7 {
                        stock += orders[next].units
                        next += 1
                    }
                    continue
                }
                let wanted: Double
                // The week's share at the launch price, and its demand's place on the cumulative curve.
                var atLaunchPrice = 0.0
                var demandFrom = 0.0
                if forecast != nil {
                    wanted = rate * Double(end - start)
                    demandFrom = rate * Double(start - launchDay)
                    atLaunchPrice = launchPrice == nil ? 0 : Double(max(0, min(end, launchPriceEnd) - start)) / Double(end - start)
                } else {
                    let k = week - weeksBeforeLaunch
                    let from = max(cumulative[k], lost)
                    demandFrom = from
                    wanted = cumulative[k + 1] - from
                    if launchPrice != nil, wanted > 0 {
                        atLaunchPrice = min(max((early - from) / wanted, 0), 1)
                    }
                }
                // The week's days in stretches between the reorders that land in it (in date
                // order; one landing before the week's first selling day counts from that day):
                // each stretch sells its share of the week's demand from the stock then on hand.
                var units = 0.0
                var from = start
                let perDay = max(wanted, 0) / Double(end - start)
                while batch != nil, next < orders.count, orders[next].day < end {
                    let lands = max(orders[next].day, from)
                    let part = min(perDay * Double(lands - from), stock)
                    units += part
                    stock -= part
                    stock += orders[next].units
                    from = lands
                    next += 1
                }
                let last = min(perDay * Double(end - from), stock)
                units += last
                stock -= last
                sold += units
                outflow[week] += units * (batch == nil ? fulfillment + cost : fulfillment)
                // Subscribers' deliveries (their share of the week's demand) at the subscription
                // price; the other units at the launch price or the price, and on a promotion's
                // days at the promotion's.
                var subscribed = 0.0
                if demand.subscriptionPrice != nil, forecast == nil, wanted > 0 {
                    let k = week - weeksBeforeLaunch
                    subscribed = units * min(max((ws.subscribedCumulative[k + 1] - ws.subscribedCumulative[k]) / wanted, 0), 1)
                }
                let paying = units - subscribed
                var revenue = paying * (atLaunchPrice * introductory + (1 - atLaunchPrice) * price)
                // The week's units on a promotion's days, its channels' part of them at its price;
                // a presale's deposits are received on their day, the balance with the sale.
                var deposits = 0.0
                if !promotions.isEmpty, wanted > 0 {
                    for (index, window) in promotions.enumerated() {
                        let inside = min(demandFrom + wanted, sales[4 * index + 1]) - max(demandFrom, sales[4 * index])
                        guard inside > 0 else { continue }
                        let promoted = paying * inside / wanted * demand.promotedShare(window, v)
                        let promotionPrice = demand.price(of: window, v)
                        revenue += promoted * (promotionPrice - price)
                        sales[4 * index + 2] += promoted
                        sales[4 * index + 3] += promoted * (price - promotionPrice)
                        if let deposit = window.deposit {
                            deposits += promoted * v[deposit.slot]
                            add(promoted * v[deposit.slot] * receiptKept[week], on: launchDay + deposit.day, to: inflow, .presaleDeposits, ws)
                        }
                    }
                }
                revenue -= deposits
                if let subscriptionPrice = demand.subscriptionPrice, subscribed > 0 {
                    revenue += subscribed * v[subscriptionPrice]
                }
                for entry in receiptStart[week]..<receiptStart[week + 1] {
                    inflow[receiptWeek[entry]] += revenue * receiptShare[entry]
                }
                if ws.keepsLedger, units > 0 {
                    if fulfillment != 0 { ws.ledger.append(.init(item: .fulfillment, day: start, amount: units * fulfillment)) }
                    if batch == nil, cost != 0 { ws.ledger.append(.init(item: .goodsSold, day: start, amount: units * cost)) }
                    for entry in receiptStart[week]..<receiptStart[week + 1] where revenue * receiptShare[entry] != 0 {
                        ws.ledger.append(.init(item: .retailReceipts, day: receiptDay[entry], amount: revenue * receiptShare[entry]))
                    }
                }
            }
        }
        // The season's end: no sale after it, so what is on hand then, and what lands later, is cleared at salvage.
        if let clearanceDay, stock.isFinite {
            ws[.clearanceUnits] = stock
            ws[.clearanceCash] = stock * v[salvage]
            add(stock * v[salvage], on: clearanceDay, to: inflow, .clearance, ws)
        } else {
            ws[.clearanceUnits] = 0
            ws[.clearanceCash] = 0
        }
        // Bought and not sold by the horizon's end (none without a first batch: units are bought as they sell).
        ws[.stockLeft] = clearanceDay == nil && stock.isFinite ? stock : 0
        return sold
    }

    /// Cumulative cash by week, and the outputs read from it: the peak need and its week, the
    /// gap beyond cash on hand, the payback week and the ending cash. Within a week, payments
    /// count before receipts: a deposit due on Tuesday is not covered by a payout that lands on
    /// Wednesday, so the peak need is never understated by weekly sums.
    @inline(__always)
    func balances(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace) {
        let inflow = ws.cashIn, outflow = ws.cashOut, cumulative = ws.cashBalance
        var running = 0.0
        var trough = 0.0
        var troughWeek = -1
        for week in 0..<weeks {
            let lowest = running - outflow[week]
            running += inflow[week] - outflow[week]
            cumulative[week] = running
            if lowest < trough {
                trough = lowest
                troughWeek = week
            }
        }
        let need = -trough
        ws[.peakNeed] = need
        ws[.peakDate] = troughWeek >= 0 ? Double(origin + troughWeek * 7) : .nan
        ws[.fundingGap] = max(0, need - v[onHand])
        ws[.endingCash] = v[onHand] + running
        // Payback: the first week, not before the trough nor before launch week, at whose end the
        // launch has brought in at least what it has paid out.
        var payback = Double.nan
        if let launchWeek = week(launchDay) {
            for week in max(troughWeek, launchWeek)..<weeks where cumulative[week] >= 0 {
                payback = Double(origin + week * 7)
                break
            }
        }
        ws[.payback] = payback
    }

    /// The report's view of the base case's evaluation: the weeks from the first payment.
    func flow(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace) -> CashFlow {
        let first = (0..<weeks).first { ws.cashIn[$0] != 0 || ws.cashOut[$0] != 0 } ?? 0
        let weeks = (first..<weeks).map { week in
            CashFlow.Week(start: CivilDate(daysSinceEpoch: origin + week * 7), inflow: ws.cashIn[week], outflow: ws.cashOut[week],
                          balance: v[onHand] + ws.cashBalance[week])
        }
        return CashFlow(weeks: weeks, onHand: v[onHand],
                        payout: campaign.map { CivilDate(daysSinceEpoch: $0.payout) }, payoutRule: payoutRule,
                        rewardsShip: rewardsMoved, samplesFrom: samplesFrom, ledger: ws.ledger)
    }
}

// MARK: Outputs

extension Output.Section {
    /// The cash flow (`CashModel`).
    static let cash = Output.Section("cash")
}

extension Output {
    static let peakNeed = Output(500, .cash, "peak_need", "Peak funding need", "峰值资金需求", .money, ranged: true, compared: true)
    static let peakDate = Output(501, .cash, "peak_date", "Peak need reached (week of)", "资金需求达到峰值（所在周）", .date, never: true)
    static let fundingGap = Output(502, .cash, "gap", "Funding gap beyond cash on hand", "超出现有资金的缺口", .money, ranged: true, compared: true)
    static let payback = Output(503, .cash, "payback", "The launch has earned back its cash (week of)", "累计净现金流回正（所在周）", .date, ranged: true,
                                compared: true, never: true)
    static let endingCash = Output(504, .cash, "ending", "Cash at the end of the horizon", "计划期结束时的现金", .money, ranged: true, signed: true)
    static let unitsSold = Output(505, .cash, "units_sold", "Retail units sold within the horizon, stock allowing", "计划期内零售销量（受库存限制）", .count, ranged: true)
    static let clearanceUnits = Output(506, .cash, "clearance_units", "Units left at the season's end (`demand.sell_by`), cleared at salvage",
                                       "销售季结束（`demand.sell_by`）时剩余并按残值清仓的件数", .count, ranged: true)
    static let clearanceCash = Output(507, .cash, "clearance_cash", "Cash from the season-end clearance", "季末清仓回款", .money, ranged: true)
    static let stockLeft = Output(508, .cash, "stock_left", "Retail stock left at the horizon's end", "计划期结束时剩余的零售库存", .count,
                                  ranged: true)

    /// The section's outputs, in the order the report and the JSON list them.
    static let cashOutputs: [Output] = [.peakNeed, .peakDate, .fundingGap, .payback, .endingCash, .unitsSold, .clearanceUnits, .clearanceCash,
                                        .stockLeft]
}

/// What a lever pays through in one evaluation: the cash flow's weeks and its ledger.
struct CashBook {
    let cash: CashModel
    let ws: Workspace
    let outflow: UnsafeMutablePointer<Double>
    /// The lever's even payments as weeks (`Lever.evenPayments`, in order).
    let spreads: [CashModel.Spread]
    /// True when samples are bought one by one as they ship (no pilot run or first batch makes them).
    let samplesBought: Bool

    /// A payment of `item` on `day`.
    @inline(__always)
    func pay(_ amount: Double, on day: Int, _ item: CashFlow.Item) {
        cash.add(amount, on: day, to: outflow, item, ws)
    }

    /// A payment of `item` spread evenly over the lever's `index`th range of days.
    @inline(__always)
    func payEvenly(_ amount: Double, over index: Int, _ item: CashFlow.Item) {
        let spread = spreads[index]
        for entry in spread.weeks.indices {
            outflow[spread.weeks[entry]] += amount * spread.shares[entry]
            if ws.keepsLedger {
                ws.ledger.append(.init(item: item, day: spread.days[entry], amount: amount * spread.shares[entry], through: spread.through[entry]))
            }
        }
    }
}
