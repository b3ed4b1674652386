#pragma once
// How an admin command obtains a user's new password: from standard input
// (--password-stdin), typed twice without echo on a terminal, or generated
// when nothing is typed or there is no terminal (then printed once).
#include <string>
#include <utility>
#include <vector>

namespace bulwark::cli::admin {

// The new password and whether it was generated. `context` (email, name) is
// what the password policy refuses to see in a password. Throws Failure.
std::pair<std::string, bool> obtain_password(bool from_stdin,
                                             const std::vector<std::string>& context);

}  // namespace bulwark::cli::admin
