import GTMKit
