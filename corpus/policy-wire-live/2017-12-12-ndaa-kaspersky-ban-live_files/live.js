(function(){
  // TechPolicy Live: poll for new entries every 30 s while the blog is open
  var POLL=30000, ended=document.querySelector('.lb-status');
  if(ended && /ended/.test(ended.textContent)) return;
  setInterval(function(){
    var x=new XMLHttpRequest();x.open('GET',location.pathname+'?since='+Date.now());x.send();
  },POLL);
})();
