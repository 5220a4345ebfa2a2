module Tiny
# A small local package used to prove where precompile caches are written.
greet(name) = "hello, $name"
end
