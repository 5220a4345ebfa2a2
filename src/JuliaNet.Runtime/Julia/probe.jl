# Run once per Julia binary by julia-net (with JULIA_DEPOT_PATH unset) to learn what the
# launcher needs: the version, the default system image, and the default depots after the
# user's own ~/.julia. One fact per line.
println(VERSION)
println(unsafe_string(Base.JLOptions().image_file))
let user_depot = joinpath(homedir(), ".julia")
    for depot in DEPOT_PATH
        depot == user_depot || println(depot)
    end
end
