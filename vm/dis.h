// vm/dis.h — the bytecode listing printed by `pyjitvm --dis` and kept as golden files.
//
// Stage: Proto tree (vm/compiler) → stable text.
//
// Invariants:
//   I1  The format is deliberately stable (STYLE 3.6): one header line per Proto
//       ("name (file:line) nregs=N nlocals=N"), then one line per instruction:
//       pc, source line, opcode, operands, and a `;` comment naming constants, cache
//       names and jump targets; child Protos follow their parent, depth first.
//   I2  No addresses or other run-dependent values appear in the listing.
#pragma once

#include <string>

#include "vm/bytecode.h"

namespace pyjitvm::vm {

std::string disassemble(const Proto* p, bool recursive = true);

}  // namespace pyjitvm::vm
