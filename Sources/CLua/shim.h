// Lua 5.4's C API as Swift sees it: the headers, plus the function-like macros that Swift's
// C importer cannot see, re-exposed as static inline functions with the same names.
#ifndef DOSSIER_CLUA_SHIM_H
#define DOSSIER_CLUA_SHIM_H

#include <lua5.4/lua.h>
#include <lua5.4/lualib.h>
#include <lua5.4/lauxlib.h>

static const int CLUA_REGISTRYINDEX = LUA_REGISTRYINDEX;
static const int CLUA_MULTRET = LUA_MULTRET;
static const lua_Integer CLUA_RIDX_GLOBALS = LUA_RIDX_GLOBALS;

static inline int clua_upvalueindex(int i) { return lua_upvalueindex(i); }

#undef lua_pop
static inline void lua_pop(lua_State *L, int n) { lua_settop(L, -(n) - 1); }
#undef lua_newtable
static inline void lua_newtable(lua_State *L) { lua_createtable(L, 0, 0); }
#undef lua_pcall
static inline int lua_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    return lua_pcallk(L, nargs, nresults, msgh, 0, NULL);
}
#undef lua_call
static inline void lua_call(lua_State *L, int nargs, int nresults) { lua_callk(L, nargs, nresults, 0, NULL); }
#undef lua_tostring
static inline const char *lua_tostring(lua_State *L, int i) { return lua_tolstring(L, i, NULL); }
#undef lua_tonumber
static inline lua_Number lua_tonumber(lua_State *L, int i) { return lua_tonumberx(L, i, NULL); }
#undef lua_tointeger
static inline lua_Integer lua_tointeger(lua_State *L, int i) { return lua_tointegerx(L, i, NULL); }
#undef lua_isnil
static inline int lua_isnil(lua_State *L, int i) { return lua_type(L, i) == LUA_TNIL; }
#undef lua_isnone
static inline int lua_isnone(lua_State *L, int i) { return lua_type(L, i) == LUA_TNONE; }
#undef lua_isnoneornil
static inline int lua_isnoneornil(lua_State *L, int i) { return lua_type(L, i) <= 0; }
#undef lua_istable
static inline int lua_istable(lua_State *L, int i) { return lua_type(L, i) == LUA_TTABLE; }
#undef lua_isfunction
static inline int lua_isfunction(lua_State *L, int i) { return lua_type(L, i) == LUA_TFUNCTION; }
#undef lua_pushcfunction
static inline void lua_pushcfunction(lua_State *L, lua_CFunction f) { lua_pushcclosure(L, f, 0); }
#undef lua_pushglobaltable
static inline void lua_pushglobaltable(lua_State *L) { lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS); }
#undef lua_insert
static inline void lua_insert(lua_State *L, int i) { lua_rotate(L, i, 1); }
#undef lua_remove
static inline void lua_remove(lua_State *L, int i) { lua_rotate(L, i, -1); lua_settop(L, -2); }
#undef lua_replace
static inline void lua_replace(lua_State *L, int i) { lua_copy(L, -1, i); lua_settop(L, -2); }
#undef lua_newuserdata
static inline void *lua_newuserdata(lua_State *L, size_t sz) { return lua_newuserdatauv(L, sz, 1); }
#undef lua_register
static inline void lua_register(lua_State *L, const char *name, lua_CFunction f) {
    lua_pushcclosure(L, f, 0); lua_setglobal(L, name);
}
#undef luaL_getmetatable
static inline int luaL_getmetatable(lua_State *L, const char *name) { return lua_getfield(L, LUA_REGISTRYINDEX, name); }
/// `lua_gc(L, LUA_GCCOLLECT)`: Swift cannot call the variadic `lua_gc`.
static inline int clua_gc_collect(lua_State *L) { return lua_gc(L, LUA_GCCOLLECT); }
/// `lua_gc(L, LUA_GCCOUNT)` and `LUA_GCCOUNTB`: the memory in use, in bytes.
static inline size_t clua_gc_bytes(lua_State *L) {
    return (size_t)lua_gc(L, LUA_GCCOUNT) * 1024 + (size_t)lua_gc(L, LUA_GCCOUNTB);
}

#undef lua_yield
static inline int lua_yield(lua_State *L, int n) { return lua_yieldk(L, n, 0, NULL); }

#endif
